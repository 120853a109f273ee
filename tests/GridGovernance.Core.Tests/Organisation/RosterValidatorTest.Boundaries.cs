using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>The date and count rules at their boundaries: at, just below, just above.</summary>
public sealed partial class RosterValidatorTest
{
    [Theory]
    [InlineData(-1, false)] // joined the day before the import
    [InlineData(0, false)] // joined on the import date: allowed
    [InlineData(1, true)] // joined the day after: refused
    public void Member_JoinedPartyOn_NotAfterTheImportDate(int daysFromImport, bool refused)
    {
        var batch = new RosterBatch { Members = [Member(1) with { JoinedPartyOn = Effective.PlusDays(daysFromImport) }] };

        if (refused)
        {
            AssertProblems(batch, ("Members[0].JoinedPartyOn", "member:1", ErrorCodes.InvalidValue));
        }
        else
        {
            Assert.Empty(Validate(batch));
        }
    }

    [Theory]
    [InlineData(-1, false)] // ends before the import
    [InlineData(0, false)] // ends on the import date: refused, a role must outlast it
    [InlineData(1, true)] // ends the day after: allowed
    public void Role_Until_AfterTheImportDate(int daysFromImport, bool accepted)
    {
        var batch = new RosterBatch { Roles = [new RoleDraft(M(50), RoleKind.GridHead, U(1000)) { Until = Effective.PlusDays(daysFromImport) }] };

        if (accepted)
        {
            Assert.Empty(Validate(batch));
        }
        else
        {
            AssertProblems(batch, ("Roles[0].Until", "member:50", ErrorCodes.InvalidValue));
        }
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)] // an empty household is allowed
    [InlineData(1, false)]
    public void Household_Residents_ZeroOrMore(int residents, bool refused)
    {
        var batch = new RosterBatch { Households = [HouseholdRow(1, 1000, residents)] };

        if (refused)
        {
            AssertProblems(batch, ("Households[0].Residents", "household:1", ErrorCodes.InvalidValue));
        }
        else
        {
            Assert.Empty(Validate(batch));
        }
    }

    [Theory]
    [InlineData(0, 0)] // no staff at all
    [InlineData(10, 0)]
    [InlineData(10, 10)] // every employee a member: at the upper bound
    public void StationedUnit_MemberCountWithinHeadcount_IsAccepted(int headcount, int memberCount) =>
        Assert.Empty(Validate(new RosterBatch { StationedUnits = [Stationed(71, headcount, memberCount)] }));

    [Theory]
    [InlineData(10, 11, false)] // one member more than the headcount
    [InlineData(10, -1, false)] // just below zero
    [InlineData(0, 1, false)]
    [InlineData(-1, 0, true)] // a negative headcount is wrong, but no member is still a valid member count
    [InlineData(-1, 1, true)] // against a negative headcount the bound is zero
    public void StationedUnit_HeadcountAndMemberCount_OutOfRange(int headcount, int memberCount, bool headcountWrong)
    {
        var problems = Summary(Validate(new RosterBatch { StationedUnits = [Stationed(71, headcount, memberCount)] }));

        var expected = new List<(string, string?, string)>();
        if (headcountWrong)
        {
            expected.Add(("StationedUnits[0].Headcount", "stationed-unit:71", ErrorCodes.InvalidValue));
        }
        if (memberCount < 0 || memberCount > Math.Max(headcount, 0))
        {
            expected.Add(("StationedUnits[0].MemberCount", "stationed-unit:71", ErrorCodes.InvalidValue));
        }
        Assert.NotEmpty(expected);
        Assert.Equal(expected, problems);
    }

    [Theory]
    [InlineData(-1, false)] // opened the day before the import
    [InlineData(0, false)] // opened on the import date: usable
    [InlineData(1, true)] // opens the day after: not yet
    public void StoredUnit_OpenedAfterTheImportDate_CannotBeReferenced(int daysFromImport, bool refused)
    {
        var later = OrgUnit.Create(UnitRow(1002, UnitKind.GridBranch, 100), Effective.PlusDays(daysFromImport));
        var batch = new RosterBatch { Members = [Member(1, 1002)] };

        var problems = Summary(Validate(batch, null, later));

        if (refused)
        {
            Assert.Equal([("Members[0].BranchId", (string?)"member:1", ErrorCodes.UnitClosed)], problems);
        }
        else
        {
            Assert.Empty(problems);
        }
    }

    [Fact]
    public void StoredUnit_Closed_CannotBeReferenced_AndTheMessageSaysWhen()
    {
        var closed = OrgUnit.Create(UnitRow(1002, UnitKind.GridBranch, 100), D0);
        closed.Close(D0.PlusDays(10), []);
        var notYet = OrgUnit.Create(UnitRow(1003, UnitKind.GridBranch, 100), Effective.PlusDays(1));
        var batch = new RosterBatch { Members = [Member(1, 1002), Member(2, 1003)] };

        var problems = Validate(batch, null, closed, notYet);

        Assert.Equal([ErrorCodes.UnitClosed, ErrorCodes.UnitClosed], problems.Select(p => p.Rule));
        Assert.Contains($"closed on {closed.ClosedOn:yyyy-MM-dd}", problems[0].Message);
        Assert.Contains("opens only on 2024-03-02", problems[1].Message);
    }

    [Theory]
    [InlineData("12345")] // five digits: the shortest
    [InlineData("123456789012345")] // fifteen: the longest
    [InlineData("+8613800000000")]
    public void Phone_Valid_IsAccepted(string phone) =>
        Assert.Empty(Validate(new RosterBatch { Members = [Member(1) with { Phone = phone }], Households = [HouseholdRow(1, 1000) with { Phone = phone }] }));

    [Theory]
    [InlineData("1234")] // four digits: one too few
    [InlineData("1234567890123456")] // sixteen: one too many
    [InlineData("138-0000-0000")]
    [InlineData("")]
    public void Phone_Invalid_IsReportedForMembersAndHouseholds(string phone) =>
        AssertProblems(new RosterBatch { Members = [Member(1) with { Phone = phone }], Households = [HouseholdRow(1, 1000) with { Phone = phone }] },
            ("Members[0].Phone", "member:1", ErrorCodes.InvalidValue),
            ("Households[0].Phone", "household:1", ErrorCodes.InvalidValue));
}
