using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Stars;

/// <summary>
/// A small Laiwu-style rule book for the star and ranking tests, and helpers that run the assessment engine on it.
/// Categories: party-day, service, discipline. Items (by position): 0 themed-party-day (+1), 1 problem-solved (+2),
/// 2 volunteer (discretionary 1–5), 3 violation (−2, negative list), 4 serious-violation (veto, −5).
/// Bands: 1★ ≥ 5, 2★ ≥ 10, 3★ ≥ 20; veto cap 0. Named stars: study-star (party-day total ≥ 3), service-star
/// (problem-solved count ≥ 2). Event stars: themed-party-day and problem-solved.
/// </summary>
internal static class StarsRankingsBook
{
    public const int PartyDay = 0;
    public const int ProblemSolved = 1;
    public const int Volunteer = 2;
    public const int Violation = 3;
    public const int SeriousViolation = 4;

    public static readonly LocalDate From = new(2024, 1, 1);

    public static AssessmentPeriod Year { get; } = AssessmentPeriod.Year(2024);

    public static RuleBook Book { get; } = Create(vetoStarCap: 0);

    public static RuleBook Create(int? vetoStarCap) => RuleBook.Create(new RuleBookDefinition
    {
        Id = "stars-test",
        Name = "Stars and rankings test book",
        Categories =
        [
            new ScoreCategory("party-day", "主题党日"),
            new ScoreCategory("service", "服务群众"),
            new ScoreCategory("discipline", "纪律"),
        ],
        Items =
        [
            Item("themed-party-day", "party-day", new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Fixed, Points = Points.From(1) }),
            Item("problem-solved", "service", new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Fixed, Points = Points.From(2) }),
            Item("volunteer", "service", new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Discretionary, Minimum = Points.From(1), Maximum = Points.From(5) }),
            Item("violation", "discipline", new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Deduction, Points = Points.From(-2) }),
            Item("serious-violation", "discipline", new RuleItemVersion { EffectiveFrom = From, Kind = ItemKind.Veto, Points = Points.From(-5) }),
        ],
        Stars = new StarRules
        {
            Bands = [new StarBand(1, Points.From(5)), new StarBand(2, Points.From(10)), new StarBand(3, Points.From(20))],
            NamedStars =
            [
                new NamedStar("study-star", "学习星", new StarCriterion(StarCriterionKind.CategoryTotal, "party-day", MinimumTotal: Points.From(3))),
                new NamedStar("service-star", "服务星", new StarCriterion(StarCriterionKind.ItemCount, "problem-solved", MinimumCount: 2)),
            ],
            EventStarItems = ["themed-party-day", "problem-solved"],
            VetoStarCap = vetoStarCap,
        },
    });

    public static AssessmentSubject Subject(int member, int branch = 1000) => new(new MemberId(member), MemberKind.LongResident, new OrgUnitId(branch));

    /// <summary>Entries: <paramref name="count"/> occurrences of an item for a member, on consecutive days.</summary>
    public static IEnumerable<AssessmentEntry> Times(int member, int item, int count, decimal value = 0m) =>
        Enumerable.Range(0, count).Select(i => new AssessmentEntry(new MemberId(member), item, From.PlusDays(i), i) { Value = Points.From(value) });

    public static AssessmentResult Assess(IReadOnlyList<AssessmentSubject> roster, IEnumerable<AssessmentEntry> entries, RuleBook? book = null) =>
        AssessmentEngine.Assess(book ?? Book, Year, roster, entries.ToArray());

    /// <summary>One member on branch 1000 assessed on the given entries.</summary>
    public static MemberAssessment AssessOne(IEnumerable<AssessmentEntry> entries, RuleBook? book = null) =>
        Assess([Subject(1)], entries, book).Members[0];

    /// <summary>A roster where member i scores exactly scores[i - 1] points (volunteer awards of whole points; negative by violations).</summary>
    public static AssessmentResult WithScores(IReadOnlyList<int> scores, Func<int, int>? branchOf = null)
    {
        var roster = scores.Select((_, i) => Subject(i + 1, branchOf?.Invoke(i + 1) ?? 1000)).ToList();
        var entries = new List<AssessmentEntry>();
        for (int i = 0; i < scores.Count; i++)
        {
            entries.AddRange(EntriesForScore(i + 1, scores[i]));
        }
        return Assess(roster, entries);
    }

    /// <summary>Entries that give a member exactly <paramref name="score"/> points: volunteer awards of 1–5 or −2 violations plus +1 party days.</summary>
    public static IEnumerable<AssessmentEntry> EntriesForScore(int member, int score)
    {
        var id = new MemberId(member);
        int sequence = 0;
        if (score < 0)
        {
            int violations = (-score + 1) / 2;
            for (int v = 0; v < violations; v++)
            {
                yield return new AssessmentEntry(id, Violation, From.PlusDays(v % 300), sequence++);
            }
            for (int p = 0; p < violations * 2 + score; p++)
            {
                yield return new AssessmentEntry(id, PartyDay, From.PlusDays(p % 300), sequence++);
            }
            yield break;
        }
        for (int left = score; left > 0; left -= Math.Min(5, left))
        {
            yield return new AssessmentEntry(id, Volunteer, From.PlusDays(sequence % 300), sequence++) { Value = Points.From(Math.Min(5, left)) };
        }
    }

    private static RuleItem Item(string code, string category, RuleItemVersion version) => new(code, category, code, [version]);
}
