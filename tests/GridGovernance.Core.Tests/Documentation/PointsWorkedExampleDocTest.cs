using System.Globalization;
using System.Text.RegularExpressions;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;
using GridGovernance.Tests.Scoring.Statements;

namespace GridGovernance.Tests.Documentation;

/// <summary>
/// The worked example of docs/concepts/points.md ("one member's year under the Laiwu rule book") is computed, not typed
/// in (issue 18): the example is assessed from docs/examples/laiwu-rulebook.json, and every figure the section prints —
/// the result line, the sums by hand next to it, and the counted column of its table — must be what the engine computes.
/// </summary>
public sealed partial class PointsWorkedExampleDocTest
{
    private static readonly MemberExplanation Explained =
        AssessmentEngine.Explain(WorkedExample.Book, WorkedExample.Year, WorkedExample.ZhangSubject, WorkedExample.ZhangEntries());

    private static string Section()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "concepts", "points.md"));
        int start = text.IndexOf("## Worked example: one member's year under the Laiwu rule book", StringComparison.Ordinal);
        Assert.True(start >= 0, "points.md has no worked example section");
        int end = text.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return text[start..end];
    }

    /// <summary>A printed number: the docs write a minus as − (U+2212).</summary>
    private static decimal Number(string printed) => decimal.Parse(printed.Replace('−', '-'), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static string Line(string section, string prefix) =>
        section.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"The worked example has no line starting '{prefix}'.");

    [Fact]
    public void TheResultLine_IsTheEnginesResult()
    {
        var section = Section();
        var result = Explained.Result;
        var book = WorkedExample.Book;
        int resultAt = section.IndexOf("Result: ", StringComparison.Ordinal);
        var resultText = section[resultAt..section.IndexOf("\n\n", resultAt, StringComparison.Ordinal)].Replace('\n', ' ');

        for (int c = 0; c < book.Categories.Length; c++)
        {
            var printed = Regex.Match(resultText, Regex.Escape(book.Categories[c].Name) + @" (−?[0-9.]+)");
            Assert.True(printed.Success, $"the result line does not print category {book.Categories[c].Name}");
            Assert.Equal(result.CategoryTotals[c].ToDecimal(), Number(printed.Groups[1].Value));
        }
        Assert.Equal(result.Awarded.ToDecimal(), Number(AwardedPattern().Match(resultText).Groups[1].Value));
        Assert.Equal(result.Deducted.ToDecimal(), Number(DeductedPattern().Match(resultText).Groups[1].Value));
        Assert.Equal(result.Clipped.ToDecimal(), Number(ClippedPattern().Match(resultText).Groups[1].Value));
        Assert.Equal(result.Total.ToDecimal(), Number(TotalPattern().Match(resultText).Groups[1].Value));
        Assert.Equal(result.Vetoed, !resultText.Contains("not vetoed", StringComparison.Ordinal));

        var stars = StarCalculator.For(result, book);
        Assert.Equal(stars.BandStars, int.Parse(BandStarsPattern().Match(resultText).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(stars.EventStars, int.Parse(EventStarsPattern().Match(resultText).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(stars.NamedStars.Order(StringComparer.Ordinal), NamedStarPattern().Matches(resultText).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheSumsByHand_AddUp_AndAreTheEnginesFigures()
    {
        var section = Section();
        var result = Explained.Result;
        (string Prefix, decimal Computed)[] sums =
        [
            ("- awarded ", result.Awarded.ToDecimal()),
            ("- deducted ", result.Deducted.ToDecimal()),
            ("- clipped ", result.Clipped.ToDecimal()),
            ("- total ", result.Total.ToDecimal()),
        ];
        foreach (var (prefix, computed) in sums)
        {
            var line = Line(section, prefix);
            var figure = Number(Regex.Match(line[prefix.Length..], @"^(−?[0-9.]+)").Groups[1].Value);
            Assert.Equal(computed, figure);
            if (prefix == "- clipped ")
            {
                continue; // one term, described in words
            }
            // Every "= a + b − c …" chain on the line adds up to the figure.
            foreach (var chain in line.Split(';').Select(part => part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            {
                var terms = SignedTermPattern().Matches(" + " + chain.Trim());
                decimal sum = terms.Sum(t => (t.Groups[1].Value == "+" ? 1 : -1) * Number(t.Groups[2].Value.TrimStart('−')) * (t.Groups[2].Value.StartsWith('−') ? -1 : 1));
                Assert.True(sum == figure, $"'{line}': {chain.Trim()} adds up to {sum}, not {figure}");
            }
        }
    }

    [Fact]
    public void TheTablesCountedColumn_IsWhatTheEngineCounted()
    {
        var section = Section();
        var book = WorkedExample.Book;
        var counted = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var outcome in Explained.Outcomes)
        {
            var name = book.HasItem(outcome.Item) ? book.Items[book.IndexOfItem(outcome.Item)].Name : outcome.Item;
            counted[name] = counted.GetValueOrDefault(name) + outcome.Counted.ToDecimal();
        }
        // The automatic grant and the computed threshold have outcomes without an entry: they are counted the same way.
        var rows = section.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| entry", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count >= 8, "the worked example's table is missing");
        int checkedRows = 0;
        foreach (var row in rows)
        {
            var cells = row.Split('|').Select(c => c.Trim()).ToArray();
            var item = book.Items.FirstOrDefault(i => cells[1].StartsWith(i.Name, StringComparison.Ordinal));
            if (item is null || !counted.TryGetValue(item.Name, out var computed))
            {
                continue;
            }
            Assert.True(Number(cells[3]) == computed, $"the table counts {cells[3]} for {item.Name}; the engine counted {computed}");
            checkedRows++;
        }
        Assert.True(checkedRows >= 6, $"only {checkedRows} rows of the table name an item of the book with entries");
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
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }

    [GeneratedRegex(@"awarded (−?[0-9.]+)")]
    private static partial Regex AwardedPattern();

    [GeneratedRegex(@"deducted (−?[0-9.]+)")]
    private static partial Regex DeductedPattern();

    [GeneratedRegex(@"clipped (−?[0-9.]+)")]
    private static partial Regex ClippedPattern();

    [GeneratedRegex(@"\*\*total (−?[0-9.]+)\*\*")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"(\d+) band stars")]
    private static partial Regex BandStarsPattern();

    [GeneratedRegex(@"(\d+) event stars")]
    private static partial Regex EventStarsPattern();

    [GeneratedRegex(@"`([a-z-]+-star)`")]
    private static partial Regex NamedStarPattern();

    [GeneratedRegex(@"([+−-])\s*(−?[0-9.]+)")]
    private static partial Regex SignedTermPattern();
}
