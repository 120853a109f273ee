using System.Runtime.CompilerServices;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Statements;

/// <summary>
/// The worked example of docs/concepts/points.md ("one member's year under the Laiwu rule book"): 张明, an in-service
/// member, in 2024 under docs/examples/laiwu-rulebook.json, with two colleagues on the roster for the ranking.
/// </summary>
internal static class WorkedExample
{
    internal static readonly AssessmentPeriod Year = AssessmentPeriod.Year(2024);
    internal static readonly MemberId Zhang = new(1);
    internal static readonly MemberId Li = new(2);
    internal static readonly MemberId Wang = new(3);
    internal static readonly AssessmentSubject ZhangSubject = new(Zhang, MemberKind.InService, new OrgUnitId(10));

    internal static RuleBook Book { get; } = RuleBookJson.Read(File.ReadAllText(ExamplePath()));

    internal static IReadOnlyList<AssessmentSubject> Roster { get; } =
    [
        ZhangSubject,
        new(Li, MemberKind.LongResident, new OrgUnitId(10)),
        new(Wang, MemberKind.LongResident, new OrgUnitId(10)),
    ];

    /// <summary>张明's entries, as the docs list them.</summary>
    internal static AssessmentEntry[] ZhangEntries()
    {
        var book = Book;
        var list = new List<AssessmentEntry>();
        long seq = 0;
        void Add(string item, LocalDate on, Points value = default, int tier = 0, bool afterReminder = false) =>
            list.Add(new AssessmentEntry(Zhang, book.IndexOfItem(item), on, ++seq) { Value = value, Tier = tier, AfterReminder = afterReminder });

        for (int month = 1; month <= 9; month++) Add("themed-party-day-attendance", new LocalDate(2024, month, 15));
        for (int month = 1; month <= 12; month++) Add("party-dues", new LocalDate(2024, month, 5));
        Add("concentrated-study", new LocalDate(2024, 3, 20));
        Add("online-study", new LocalDate(2024, 5, 10));
        Add("online-study", new LocalDate(2024, 8, 10));
        Add("volunteer-activity", new LocalDate(2024, 4, 6));
        Add("volunteer-activity", new LocalDate(2024, 10, 12));
        for (int visit = 0; visit < 21; visit++) Add("contact-visit", new LocalDate(2024, 1, 8).PlusDays(visit * 16));
        Add("contact-done-well", new LocalDate(2024, 12, 20), Points.From(4));
        Add("request-solved", new LocalDate(2024, 6, 3));
        Add("request-solved", new LocalDate(2024, 9, 17));
        Add("petition-escalated", new LocalDate(2024, 7, 22), tier: 1); // city
        Add("task-overdue", new LocalDate(2024, 10, 8));
        Add("task-overdue", new LocalDate(2024, 10, 22), afterReminder: true);
        return [.. list];
    }

    /// <summary>The whole roster's entries: 李华 does more, 王芳 less.</summary>
    internal static AssessmentEntry[] AllEntries()
    {
        var book = Book;
        var list = new List<AssessmentEntry>(ZhangEntries());
        for (int month = 1; month <= 12; month++)
        {
            list.Add(new AssessmentEntry(Li, book.IndexOfItem("themed-party-day-attendance"), new LocalDate(2024, month, 15), 1000 + month));
            list.Add(new AssessmentEntry(Li, book.IndexOfItem("party-dues"), new LocalDate(2024, month, 5), 2000 + month));
            list.Add(new AssessmentEntry(Li, book.IndexOfItem("request-solved"), new LocalDate(2024, month, 20), 3000 + month));
        }
        list.Add(new AssessmentEntry(Wang, book.IndexOfItem("party-dues"), new LocalDate(2024, 3, 5), 4000));
        return [.. list];
    }

    /// <summary>Finds docs/examples/laiwu-rulebook.json from the folder holding GridGovernance.Core.sln.</summary>
    private static string ExamplePath([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
                {
                    return Path.Combine(dir.FullName, "docs", "examples", "laiwu-rulebook.json");
                }
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }
}
