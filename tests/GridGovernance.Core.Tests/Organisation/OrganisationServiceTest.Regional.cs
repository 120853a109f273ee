using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest
{
    private async Task AddRegionalCommitteeAsync() =>
        await city.RunAsync(s => s.AddUnitAsync(TestActors.System, UnitRow(500, UnitKind.RegionalCommittee, 10, "中鼓楼区域党委"), D0));

    [Fact]
    public async Task AddSpan_HouseholdInSpannedCommunity_IsWithinJurisdiction()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();

        await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(100), new Validity(D1)));
        var committee = await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(110), new Validity(D1)));

        Assert.Equal([U(100), U(110)], committee.SpannedOn(D1));
        Assert.Equal(new OrgUnitSpanChanged(U(500), U(110), new Validity(D1)), Assert.Single(committee.DomainEvents));
        var index = await city.IndexAsync(D1);
        Assert.True(index.IsWithinJurisdiction(U(500), H(1)));
        Assert.True(index.IsWithinJurisdiction(U(500), H(3)));
        Assert.True(index.IsWithinJurisdiction(U(500), H(5)));
        Assert.True(index.IsWithinJurisdiction(U(500), M(4)));
        Assert.True(index.IsWithinJurisdiction(U(500), U(100)));
        Assert.False(index.IsWithinJurisdiction(U(500), H(6)));
        Assert.False(index.IsWithinJurisdiction(U(500), U(101)));
        Assert.False(index.IsAncestorOf(U(500), H(1)));
    }

    [Fact]
    public async Task AddSpan_OutsideSpanDates_NotWithinJurisdiction()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();

        await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(100), new Validity(D1, D2)));

        Assert.False((await city.IndexAsync(D0)).IsWithinJurisdiction(U(500), H(1)));
        Assert.True((await city.IndexAsync(D1)).IsWithinJurisdiction(U(500), H(1)));
        Assert.False((await city.IndexAsync(D2)).IsWithinJurisdiction(U(500), H(1)));
    }

    [Fact]
    public async Task AddSpan_SpannedCommunityMergedLater_SpanFollowsTheSuccessor()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(101), new Validity(D1)));
        await city.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(101)], U(100), D2));

        var index = await city.IndexAsync(D2);
        var stored = await city.UnitAsync(500);

        Assert.Equal([new UnitSpan(U(101), new Validity(D1, D2)), new UnitSpan(U(100), new Validity(D2))], stored.Spans.OrderBy(s => s.Validity.From));
        Assert.Equal([U(100)], stored.SpannedOn(D2));
        Assert.True(index.IsWithinJurisdiction(U(500), H(6))); // H(6) sits under the successor now
        Assert.True((await city.IndexAsync(D1)).IsWithinJurisdiction(U(500), H(6)));
        Assert.False((await city.IndexAsync(D1)).IsWithinJurisdiction(U(500), H(1))); // the successor only from the merge on
    }

    [Fact]
    public async Task AddSpan_NotACommunity_OrNotARegionalCommittee_ThrowsInvalidSpan()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();

        await city.FailsAsync(ErrorCodes.InvalidSpan, s => s.AddSpanAsync(TestActors.System, U(500), U(1000), new Validity(D1)));
        await city.FailsAsync(ErrorCodes.InvalidSpan, s => s.AddSpanAsync(TestActors.System, U(10), U(100), new Validity(D1)));
    }

    [Fact]
    public async Task AddSpan_OverlappingSameCommunity_ThrowsInvalidSpan()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(100), new Validity(D1, D3)));

        await city.FailsAsync(ErrorCodes.InvalidSpan, s => s.AddSpanAsync(TestActors.System, U(500), U(100), new Validity(D2)));
        var committee = await city.RunAsync(s => s.AddSpanAsync(TestActors.System, U(500), U(100), new Validity(D3)));

        Assert.Equal(2, committee.Spans.Length);
    }

    [Fact]
    public async Task AddSpan_ClosedCommunity_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        await city.RunAsync(s => s.MergeUnitsAsync(TestActors.System, [U(101)], U(100), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.AddSpanAsync(TestActors.System, U(500), U(101), new Validity(D2)));
    }

    [Fact]
    public async Task AppointChair_RecordsTerm_AndRejectsOverlap()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        var firstTerm = new ChairTerm(M(1), U(100), new Validity(D1, D1.PlusMonths(6)));

        var committee = await city.RunAsync(s => s.AppointChairAsync(TestActors.System, U(500), firstTerm));

        Assert.Equal(firstTerm, committee.ChairOn(D2));
        Assert.Null(committee.ChairOn(D0));
        Assert.Equal(new OrgUnitChairAppointed(U(500), firstTerm), Assert.Single(committee.DomainEvents));
        await city.FailsAsync(ErrorCodes.InvalidSpan, s => s.AppointChairAsync(TestActors.System, U(500), new ChairTerm(M(4), U(110), new Validity(D2, D2.PlusMonths(6)))));
    }

    [Fact]
    public async Task AppointChair_ConsecutiveTerms_Rotate()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        var secondStart = D1.PlusMonths(6);

        await city.RunAsync(s => s.AppointChairAsync(TestActors.System, U(500), new ChairTerm(M(1), U(100), new Validity(D1, secondStart))));
        var committee = await city.RunAsync(s => s.AppointChairAsync(TestActors.System, U(500), new ChairTerm(M(4), U(110), new Validity(secondStart, secondStart.PlusMonths(6)))));

        Assert.Equal(M(1), committee.ChairOn(secondStart.PlusDays(-1))!.Chair);
        Assert.Equal(M(4), committee.ChairOn(secondStart)!.Chair);
        Assert.Equal(U(110), committee.ChairOn(secondStart)!.ChairUnit);
    }

    [Fact]
    public async Task AppointChair_RemovedOrUnknownMember_Throws()
    {
        await city.SeedLaiwuAsync();
        await AddRegionalCommitteeAsync();
        await city.RunAsync(s => s.RemoveMemberAsync(TestActors.System, M(4), D1));

        await city.FailsAsync(ErrorCodes.NotOnRoster, s => s.AppointChairAsync(TestActors.System, U(500), new ChairTerm(M(4), U(110), new Validity(D2))));
        await city.FailsAsync(ErrorCodes.NotFound, s => s.AppointChairAsync(TestActors.System, U(500), new ChairTerm(M(99), U(110), new Validity(D2))));
    }

    [Fact]
    public async Task AppointChair_NotARegionalCommittee_ThrowsInvalidSpan()
    {
        await city.SeedLaiwuAsync();

        await city.FailsAsync(ErrorCodes.InvalidSpan, s => s.AppointChairAsync(TestActors.System, U(100), new ChairTerm(M(1), U(100), new Validity(D1))));
    }
}
