using System.Text.RegularExpressions;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The read model as docs/storage.md documents it ("A read model for a city's other systems"): each view's columns and
/// PostgreSQL types from its table, and the dashboard's SQL from the <c>sql</c> blocks that start with
/// <c>-- dashboard: name</c>. The tests run exactly that text.
/// </summary>
internal static partial class ReadModelDoc
{
    private static readonly Lazy<string> Text = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "storage.md")).ReplaceLineEndings("\n");
        int start = text.IndexOf("### A read model for a city's other systems", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/storage.md has no read-model section");
        int end = text.IndexOf("\n### ", start + 4, StringComparison.Ordinal);
        return text[start..end];
    });

    /// <summary>Each documented view and its columns (name, PostgreSQL type) in order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Name, string Type)>> Views()
    {
        var views = new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal);
        var section = Text.Value;
        foreach (Match heading in ViewHeading().Matches(section))
        {
            int from = heading.Index + heading.Length;
            int next = section.IndexOf("\n####", from, StringComparison.Ordinal);
            var body = section[from..(next < 0 ? section.Length : next)];
            views[heading.Groups[1].Value] = [.. ColumnRow().Matches(body).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim()))];
        }
        return views;
    }

    /// <summary>The dashboard statement named <paramref name="name"/>, as the doc prints it.</summary>
    public static string Dashboard(string name)
    {
        var block = SqlBlock().Matches(Text.Value).SingleOrDefault(m => m.Groups[2].Value == name)
            ?? throw new Xunit.Sdk.XunitException($"docs/storage.md has no dashboard statement '{name}'.");
        return block.Groups[1].Value;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (GridGovernance.Core.sln) was not found above the test assembly.");
    }

    [GeneratedRegex(@"^#### `(rm_[a-z_]+)`$", RegexOptions.Multiline)]
    private static partial Regex ViewHeading();

    [GeneratedRegex(@"^\| `([a-z_]+)` \| ([a-z ]+) \|", RegexOptions.Multiline)]
    private static partial Regex ColumnRow();

    [GeneratedRegex(@"```sql\n(-- dashboard: ([a-z-]+)\n.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
