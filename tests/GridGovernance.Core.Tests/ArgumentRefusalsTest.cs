using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;
using GridGovernance.Specifications;
using GridGovernance.Tests.Claims;
using GridGovernance.WorkOrders;
using NodaTime;
using static GridGovernance.Tests.Organisation.OrganisationFixture;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests;

/// <summary>
/// The calls privacy.md listed as still throwing raw .NET exceptions (issue 14): each is now the library's refusal
/// with a stable code naming the parameter, or, for an indexer, a <see cref="KeyNotFoundException"/> beside a Try- method.
/// </summary>
public sealed class ArgumentRefusalsTest
{
    [Fact]
    public void AssessmentResult_Indexer_AbsentMember_IsKeyNotFound_BesideTryFind()
    {
        var result = WithScores([10, 20]);

        Assert.Equal(new MemberId(2), result[new MemberId(2)].Member);
        Assert.Throws<KeyNotFoundException>(() => result[new MemberId(3)]);
        Assert.False(result.TryFind(new MemberId(3), out _));
    }

    [Fact]
    public void Points_From_AtTheLargestValue_Fits_JustBeyond_IsAnOverflowRefusal()
    {
        decimal largest = long.MaxValue / 2 / Points.UnitsPerPoint;

        Assert.Equal(largest, Points.From(largest).ToDecimal());
        Assert.Equal(-largest, Points.From(-largest).ToDecimal());
        Refused.With("value", ErrorCodes.ArithmeticOverflow, () => Points.From(largest + 0.0001m));
        Refused.With("value", ErrorCodes.ArithmeticOverflow, () => Points.From(-largest - 0.0001m));
        Refused.With("value", ErrorCodes.ArithmeticOverflow, () => Points.From(decimal.MaxValue));
    }

    [Fact]
    public void MemberAssessment_PositionalReads_AtTheLastPosition_AndJustBeyond()
    {
        var member = AssessOne(Times(1, 0, 2));
        int items = Book.Items.Length;
        int categories = Book.Categories.Length;

        Assert.Equal(2, member.ItemCount(0));
        Assert.Equal(member.ItemCounts[items - 1], member.ItemCount(items - 1));
        Refused.With("item", ErrorCodes.OutOfRange, () => member.ItemCount(items));
        Refused.With("item", ErrorCodes.OutOfRange, () => member.ItemCount(-1));
        Assert.Equal(member.CategoryTotals[categories - 1], member.CategoryTotal(categories - 1));
        Refused.With("category", ErrorCodes.OutOfRange, () => member.CategoryTotal(categories));
        Refused.With("category", ErrorCodes.OutOfRange, () => member.CategoryTotal(-1));
    }

    [Fact]
    public void AssessmentPeriod_Containing_ACustomOrUndefinedKind_IsRefusedNamingKind()
    {
        Assert.Equal(AssessmentPeriod.Month(2024, 5), AssessmentPeriod.Containing(PeriodKind.Month, new LocalDate(2024, 5, 31)));
        Refused.With("kind", ErrorCodes.InvalidValue, () => AssessmentPeriod.Containing(PeriodKind.Custom, new LocalDate(2024, 5, 31)));
        Refused.With("kind", ErrorCodes.UndefinedEnum, () => AssessmentPeriod.Containing((PeriodKind)99, new LocalDate(2024, 5, 31)));
        Refused.With("quarter", ErrorCodes.OutOfRange, () => AssessmentPeriod.Quarter(2024, 5));
        Refused.With("quarter", ErrorCodes.OutOfRange, () => AssessmentPeriod.Quarter(2024, 0));
    }

    [Fact]
    public void Roster_DuplicateDefaultOrUndefinedKind_IsRefusedNamingRoster()
    {
        Refused.With("roster", ErrorCodes.DuplicateInput, () => Assess([Subject(1), Subject(1)], []));
        Refused.With("roster", ErrorCodes.InvalidValue, () => Assess([new AssessmentSubject(default, MemberKind.LongResident, new OrgUnitId(1000))], []));
        Refused.With("roster", ErrorCodes.UndefinedEnum, () => Assess([new AssessmentSubject(new MemberId(1), (MemberKind)99, new OrgUnitId(1000))], []));
    }

    [Fact]
    public void StarBands_ThatGiveNoStarOrOverlap_AreRefusedNamingBands()
    {
        Assert.Equal(1, StarCalculator.BandStarsFor(Points.From(10), [new StarBand(1, Points.From(10))]));
        Refused.With("bands", ErrorCodes.InvalidValue, () => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(0, Points.Zero)]));
        Refused.With("bands", ErrorCodes.InvalidValue, () => StarCalculator.BandStarsFor(Points.Zero, [new StarBand(1, Points.From(10)), new StarBand(2, Points.From(10))]));
    }

    [Fact]
    public void Ids_ZeroOrNegative_AreOutOfRange_NamingValue()
    {
        Assert.Equal(1, new MemberId(1).Value);
        Refused.With("value", ErrorCodes.OutOfRange, () => new MemberId(0));
        Refused.With("value", ErrorCodes.OutOfRange, () => new OrgUnitId(-1));
    }

    [Fact]
    public void Specifications_UndefinedDirection_AndDanglingEscape_AreRefused()
    {
        Refused.With("direction", ErrorCodes.UndefinedEnum, () => new OrderExpression<string>(s => s.Length, (OrderDirection)9));
        Refused.With("pattern", ErrorCodes.InvalidValue, () => new LikePattern("50\\"));
        Assert.True(new LikePattern("50\\%").IsMatch("50%"));
    }

    [Fact]
    public void HierarchyIndex_UnknownNode_IsAnUnknownKey_DuplicateId_IsADuplicate()
    {
        var units = new[] { OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0), OrgUnit.Create(UnitRow(10, UnitKind.Street, 1), D0) };
        var index = HierarchyIndex.Build(units, [], [], D2);

        Assert.Equal(1, index.DepthOf(new OrgUnitId(10)));
        Refused.With("node", ErrorCodes.UnknownKey, () => index.DepthOf(new OrgUnitId(11)));
        Refused.With("units", ErrorCodes.DuplicateInput, () => HierarchyIndex.Build([.. units, units[1]], [], [], D2));
    }

    [Fact]
    public void TriagePolicy_Indexer_IsKeyNotFound_BesideTryGetClass()
    {
        var policy = TriagePolicy.Standard;
        var first = policy.Classes[0];

        Assert.True(policy.TryGetClass(first.Code, out var found));
        Assert.Same(first, found);
        Assert.False(policy.TryGetClass("no-such-class", out var missing));
        Assert.Null(missing);
        Assert.Throws<KeyNotFoundException>(() => policy["no-such-class"]);
    }

    [Fact]
    public void ClaimMatchResult_Indexer_IsKeyNotFound_BesideTryGetMatch()
    {
        var result = ClaimMatcher.Match([ClaimMatcherTest.Project(1, 1000), ClaimMatcherTest.Project(2, 200)], [ClaimMatcherTest.Unit(10, 0)]);

        Assert.True(result.TryGetMatch(new ProjectId(2), out var match));
        Assert.Same(result[new ProjectId(2)], match);
        Assert.True(result.TryGetMatch(new ProjectId(1), out _));
        Assert.False(result.TryGetMatch(new ProjectId(3), out var none));
        Assert.Null(none);
        Assert.Throws<KeyNotFoundException>(() => result[new ProjectId(3)]);
    }
}
