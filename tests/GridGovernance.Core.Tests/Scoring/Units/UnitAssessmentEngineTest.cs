using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Units;
using GridGovernance.Tests.Authority;
using NodaTime;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Scoring.Units;

/// <summary>
/// Organisation points (组织积分): Yibin rates organs quarterly by points ("机关党组织根据积分评定星级"). A hand-computed
/// quarter for three organs under a unit rule book, their stars and their ranking, and jurisdiction for a regional committee.
/// </summary>
public sealed class UnitAssessmentEngineTest : IClassFixture<YibinWorld>
{
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly OrgUnitId Organ30 = new(30), Organ31 = new(31), Organ32 = new(32);
    private const int Project = 0, Volunteer = 1, Base = 2, Complaint = 3, Violation = 4;

    private readonly YibinWorld yibin;

    public UnitAssessmentEngineTest(YibinWorld yibin)
    {
        this.yibin = yibin;
    }

    private static Points P(decimal value) => Points.From(value);

    private static LocalDate D(int month, int day) => new(2024, month, day);

    /// <summary>
    /// An organ's book: claimed projects +5 each with a category cap of 40 a year (10 a quarter), volunteer activities +2,
    /// a base of 20 a year (5 a quarter), complaints −3, a serious violation −10 and vetoed.
    /// </summary>
    public static RuleBook OrganBook { get; } = RuleBook.Create(new RuleBookDefinition
    {
        Id = "yibin-organs-2024",
        Name = "机关党组织积分细则",
        Categories =
        [
            new ScoreCategory("claims", "项目认领", new PointsCap(P(40))) { Period = PeriodKind.Year },
            new ScoreCategory("service", "志愿服务"),
            new ScoreCategory("conduct", "纪律作风"),
        ],
        Items =
        [
            new RuleItem("project-completed", "claims", "认领项目完成", [new RuleItemVersion { EffectiveFrom = D(1, 1), Kind = ItemKind.Fixed, Points = P(5) }]),
            new RuleItem("volunteer-activity", "service", "组织志愿服务", [new RuleItemVersion { EffectiveFrom = D(1, 1), Kind = ItemKind.Fixed, Points = P(2) }]),
            new RuleItem("base", "conduct", "基础分", [new RuleItemVersion { EffectiveFrom = D(1, 1), Kind = ItemKind.AutomaticGrant, Points = P(20), Period = PeriodKind.Year }]),
            new RuleItem("complaint", "conduct", "群众投诉", [new RuleItemVersion { EffectiveFrom = D(1, 1), Kind = ItemKind.Deduction, Points = P(-3) }]),
            new RuleItem("serious-violation", "conduct", "严重违纪", [new RuleItemVersion { EffectiveFrom = D(1, 1), Kind = ItemKind.Veto, Points = P(-10) }]),
        ],
    });

    private static readonly StarBand[] Bands = [new(1, P(5)), new(2, P(12)), new(3, P(18))];

    private static UnitEntry[] Quarter()
    {
        long sequence = 0;
        UnitEntry E(OrgUnitId unit, int item, LocalDate on) => new(unit, item, on, ++sequence);
        return
        [
            // Organ 30: three projects (15, clipped to the quarter's 10), two activities (4), base 5: 19.
            E(Organ30, Project, D(1, 15)), E(Organ30, Project, D(2, 15)), E(Organ30, Project, D(3, 15)),
            E(Organ30, Volunteer, D(1, 20)), E(Organ30, Volunteer, D(3, 20)),
            // Organ 31: one project (5), four activities (8), one complaint (−3), base 5: 15.
            E(Organ31, Project, D(2, 1)), E(Organ31, Volunteer, D(1, 5)), E(Organ31, Volunteer, D(1, 12)), E(Organ31, Volunteer, D(2, 9)),
            E(Organ31, Volunteer, D(3, 9)), E(Organ31, Complaint, D(3, 2)),
            // Organ 32: two projects (10), a serious violation (−10, vetoed), base 5: 5.
            E(Organ32, Project, D(1, 30)), E(Organ32, Project, D(2, 28)), E(Organ32, Violation, D(3, 3)),
            // Skipped: April is not in the quarter, and unit 99 is not assessed.
            E(Organ30, Project, D(4, 1)), E(new OrgUnitId(99), Project, D(1, 2)),
        ];
    }

    [Fact]
    public void Assess_AHandComputedQuarterOfThreeOrgans()
    {
        var result = UnitAssessmentEngine.Assess(OrganBook, Q1, [Organ32, Organ30, Organ31], Quarter());

        Assert.Equal([Organ30, Organ31, Organ32], result.Units.Select(u => u.Unit));
        Assert.Equal([P(10), P(4), P(5)], result[Organ30].CategoryTotals.ToArray());
        Assert.Equal(P(19), result[Organ30].Total);
        Assert.Equal(3, result[Organ30].ItemCounts[Project]); // the clipped third project still counts as an occurrence
        Assert.Equal([P(5), P(8), P(2)], result[Organ31].CategoryTotals.ToArray());
        Assert.Equal(P(15), result[Organ31].Total);
        Assert.Equal([P(10), P(0), P(-5)], result[Organ32].CategoryTotals.ToArray());
        Assert.Equal(P(5), result[Organ32].Total);
        Assert.True(result[Organ32].Vetoed);
        Assert.False(result[Organ30].Vetoed);
        Assert.Equal(2, result.SkippedEntries);
    }

    [Fact]
    public void Stars_AreTheBandsOfTheQuartersPoints_AVetoCapsThem()
    {
        var result = UnitAssessmentEngine.Assess(OrganBook, Q1, [Organ30, Organ31, Organ32], Quarter());

        var stars = UnitAssessmentEngine.Stars(result, Bands);
        var capped = UnitAssessmentEngine.Stars(result, Bands, vetoStarCap: 0);

        Assert.Equal([3, 2, 1], stars.Select(s => s.Stars));
        Assert.Equal([P(19), P(15), P(5)], stars.Select(s => s.Points));
        Assert.Equal([3, 2, 0], capped.Select(s => s.Stars));
    }

    [Fact]
    public void Rank_ByPoints_WithCompetitionRanks()
    {
        var entries = Quarter().Append(new UnitEntry(Organ31, Volunteer, D(3, 30), 99)).Append(new UnitEntry(Organ31, Volunteer, D(3, 31), 100)).ToArray();
        var result = UnitAssessmentEngine.Assess(OrganBook, Q1, [Organ30, Organ31, Organ32], entries);

        var ranking = UnitAssessmentEngine.Rank(result);

        // Organ 31 now has 19 too: it ties with organ 30 and is listed after it by id.
        Assert.Equal([Organ30, Organ31, Organ32], ranking.Rows.Select(r => r.Unit));
        Assert.Equal([1, 1, 3], ranking.Rows.Select(r => r.Rank));
        Assert.Equal([1, 1, 0], ranking.Rows.Select(r => r.BelowCount));
    }

    [Fact]
    public async Task Rank_ScopedToARegionalCommittee_CoversTheUnitsOfItsSpans()
    {
        var index = (await yibin.World.BuildIndexAsync(Day)).Hierarchy;
        OrgUnitId[] units = [U(30), U(100), U(101), U(110), U(1000), U(1010), U(1100)];
        var entries = units.Select((u, i) => new UnitEntry(u, Volunteer, D(2, 1 + i), i)).ToArray();
        var result = UnitAssessmentEngine.Assess(OrganBook, Q1, units, entries);

        var committee = UnitAssessmentEngine.Rank(result, index, U(50));
        var street = UnitAssessmentEngine.Rank(result, index, U(11));

        Assert.Equal([100, 101, 1000, 1010], committee.Rows.Select(r => r.Unit.Value).Order());
        Assert.Equal([30, 110, 1100], street.Rows.Select(r => r.Unit.Value).Order());
        Assert.Equal("scope", Assert.Throws<GridGovernanceValidationException>(() => UnitAssessmentEngine.Rank(result, index, new OrgUnitId(4242))).Problems.Single().Field);
    }

    [Fact]
    public void Assess_RefusesABookThatReadsMemberKinds_AndUnitsTwice()
    {
        var kinds = RuleBook.Create(OrganBook.Definition with
        {
            Items = [.. OrganBook.Definition.Items.Select((item, i) => i == Volunteer
                ? item with { Versions = [item.Versions[0] with { EligibleKinds = [MemberKind.InService] }] }
                : item)],
        });

        var refused = Assert.Throws<GridGovernanceValidationException>(() => UnitAssessmentEngine.Assess(kinds, Q1, [Organ30], []));
        Assert.Contains("volunteer-activity", refused.Message);
        Assert.Equal("ruleBook", refused.Problems.Single().Field);
        Assert.Throws<GridGovernanceValidationException>(() => UnitAssessmentEngine.Assess(OrganBook, Q1, [Organ30, Organ30], []));
        Assert.Throws<GridGovernanceValidationException>(() => UnitAssessmentEngine.Assess(OrganBook, Q1, [default], []));
    }
}
