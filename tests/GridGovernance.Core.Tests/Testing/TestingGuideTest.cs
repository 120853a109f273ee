using System.Text.RegularExpressions;

namespace GridGovernance.Tests.Testing;

/// <summary>docs/testing.md quotes the compiled examples of <see cref="TestingGuideExamples"/> word for word.</summary>
public sealed partial class TestingGuideTest
{
    [Fact]
    public void ThePage_QuotesEveryExample_AsCompiled()
    {
        string root = RepositoryRoot();
        string page = Normalise(File.ReadAllText(Path.Combine(root, "docs", "testing.md")));
        string source = File.ReadAllText(Path.Combine(root, "tests", "GridGovernance.Core.Tests", "Testing", "TestingGuideExamples.cs"));
        var examples = Example().Matches(source).Select(m => (Name: m.Groups[1].Value, Code: Normalise(Dedent(m.Groups[2].Value)))).ToList();
        Assert.True(examples.Count >= 10, $"Found only {examples.Count} examples.");
        Assert.All(examples, e => Assert.True(page.Contains(e.Code, StringComparison.Ordinal), $"docs/testing.md does not quote the example '{e.Name}' as compiled."));
    }

    [GeneratedRegex(@"// example: ([\w-]+)\r?\n(.*?)\r?\n\s*// end", RegexOptions.Singleline)]
    private static partial Regex Example();

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        int indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private static string Normalise(string text) => text.Replace("\r", "", StringComparison.Ordinal).TrimEnd();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }
}
