using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Persistence;
using GridGovernance.Tests.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Tests.Claims;

/// <summary>Completing a project with its awards is one unit of work, and a retry on any day finds the stored facts.</summary>
public sealed class ClaimCompletionTest : IDisposable
{
    private static readonly ProjectId P1 = new(1);
    private static readonly MemberId Staff10 = ClaimsFixture.StaffOf(10), Staff11 = ClaimsFixture.StaffOf(11);
    private static readonly ClaimPointsAward Award = new(LedgerFixture.Book, "themed-party-day");
    private static readonly LocalDate Day = ClaimsFixture.Today.PlusDays(-3);
    private readonly FaultPlan faults = new();
    private readonly ClaimsFixture fixture;

    public ClaimCompletionTest() => fixture = new ClaimsFixture(faults);

    public void Dispose() => fixture.Dispose();

    private Task<ClaimCompletion> CompleteAsync(LocalDate on, ClaimPointsAward? award = null, params MemberId[] served) =>
        fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, P1, served.Length == 0 ? [Staff10, Staff11] : served, on, award ?? Award));

    private LedgerEntry[] Awards() => fixture.Store.All<LedgerEntry>().Where(e => e.IdempotencyKey.StartsWith("claim:1:", StringComparison.Ordinal)).OrderBy(e => e.Member).ToArray();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task AFailedSave_LeavesNothingChanged_AndARetryOnAnotherDayCompletesEverything(int failingSave)
    {
        await fixture.DeliverAsync();
        var before = fixture.Store.Find<ServiceProject>(P1)!;
        faults.FailSave(failingSave);

        if (failingSave == 1)
        {
            var error = await Assert.ThrowsAsync<GridGovernanceException>(() => CompleteAsync(Day));
            Assert.Equal(FaultPlan.InjectedFault, error.Code);
            var unchanged = fixture.Store.Find<ServiceProject>(P1)!;
            Assert.Equal((ProjectStatus.InDelivery, before.Version), (unchanged.Status, unchanged.Version));
            Assert.Empty(Awards());
            Assert.Contains(P1, fixture.Store.Find<ResourceListing>(new OrgUnitId(10))!.Held);
        }
        else
        {
            // One save writes the project and both awards, so a fault on a second save never comes.
            var whole = await CompleteAsync(Day);
            Assert.Equal(2, whole.Awards.Length);
            Assert.Equal(1, faults.Saves);
        }

        var retried = await CompleteAsync(Day.PlusDays(1));

        var stored = fixture.Store.Find<ServiceProject>(P1)!;
        var expectedDay = failingSave == 1 ? Day.PlusDays(1) : Day;
        Assert.Equal((ProjectStatus.Completed, (LocalDate?)expectedDay), (stored.Status, stored.CompletedOn));
        Assert.Equal([Staff10, Staff11], Awards().Select(e => e.Member));
        Assert.All(Awards(), e => Assert.Equal(expectedDay, e.OccurredOn));
        Assert.Equal(Awards().Select(e => e.Id), retried.Awards.Select(e => e.Id));
        Assert.DoesNotContain(P1, fixture.Store.Find<ResourceListing>(new OrgUnitId(10))!.Held);
    }

    [Fact]
    public async Task ARetryOnAnotherDay_ReturnsTheStoredCompletion_NeverAnIdempotencyConflict()
    {
        await fixture.DeliverAsync();
        var first = await CompleteAsync(Day);
        var version = fixture.Store.Find<ServiceProject>(P1)!.Version;

        var later = await CompleteAsync(Day.PlusDays(2), null, Staff10);

        Assert.Equal(first.Awards.Select(e => e.Id), later.Awards.Select(e => e.Id));
        Assert.Equal(((LocalDate?)Day, 2), (later.Project.CompletedOn, later.Project.Served.Length));
        Assert.Equal(version, fixture.Store.Find<ServiceProject>(P1)!.Version);
        Assert.Equal(2, Awards().Length);
    }

    [Fact]
    public async Task AProjectCompletedWithoutItsAwards_IsCompletedOnRetry_DatedTheStoredDay()
    {
        // A project stored completed before its awards (as the two-save completion left it when the ledger refused).
        await fixture.DeliverAsync();
        await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, P1, [Staff10, Staff11], Day));
        Assert.Empty(Awards());

        var retried = await CompleteAsync(Day.PlusDays(1));

        Assert.Equal([Staff10, Staff11], retried.Awards.Select(e => e.Member));
        Assert.All(Awards(), e => Assert.Equal(Day, e.OccurredOn));
    }

    [Fact]
    public async Task AMemberWhoLeftTheRoster_IsSkippedAndNamed_AndTheOthersAreAwarded()
    {
        await fixture.DeliverAsync();
        await fixture.OrganisationAsync(o => o.RemoveMemberAsync(TestActors.System, Staff11, Day));

        var completion = await CompleteAsync(Day);

        Assert.Equal(ProjectStatus.Completed, completion.Project.Status);
        Assert.Equal([Staff10, Staff11], completion.Project.Served.ToArray());
        Assert.Equal([Staff10], completion.Awards.Select(e => e.Member));
        var skipped = Assert.Single(completion.Skipped);
        Assert.Equal((Staff11, ErrorCodes.NotOnRoster), (skipped.Member, skipped.Code));
        Assert.Contains(Staff11.ToString(), skipped.Reason, StringComparison.Ordinal);
        Assert.Equal([Staff10], Awards().Select(e => e.Member));

        // The same result again, from the stored facts.
        var again = await CompleteAsync(Day.PlusDays(1));
        Assert.Equal(completion.Awards.Select(e => e.Id), again.Awards.Select(e => e.Id));
        Assert.Equal(completion.Skipped.ToArray(), again.Skipped.ToArray());
    }

    [Fact]
    public async Task AMemberOnTheRosterUntilTheDayBefore_IsSkipped_AndOneLeavingTheDayAfter_IsAwarded()
    {
        await fixture.DeliverAsync();
        await fixture.OrganisationAsync(o => o.RemoveMemberAsync(TestActors.System, Staff10, Day));         // gone on the day
        await fixture.OrganisationAsync(o => o.RemoveMemberAsync(TestActors.System, Staff11, Day.PlusDays(1))); // still there on the day

        var completion = await CompleteAsync(Day);

        Assert.Equal([Staff11], completion.Awards.Select(e => e.Member));
        Assert.Equal([Staff10], completion.Skipped.Select(s => s.Member));
    }

    [Fact]
    public async Task AnAwardRefusedForItsItem_RefusesTheWholeCompletion()
    {
        await fixture.DeliverAsync();
        var before = fixture.Store.Find<ServiceProject>(P1)!;

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => CompleteAsync(Day, new ClaimPointsAward(LedgerFixture.Book, "no-such-item")));

        Assert.Equal(ErrorCodes.LedgerUnknownItem, error.Code);
        var after = fixture.Store.Find<ServiceProject>(P1)!;
        Assert.Equal((ProjectStatus.InDelivery, before.Version), (after.Status, after.Version));
        Assert.Empty(fixture.Store.All<LedgerEntry>());
    }

    [Fact]
    public async Task AConflictOnTheSave_IsRetriedFromAFreshLoad_AndCompletesOnce()
    {
        await fixture.DeliverAsync();
        faults.ConflictOnSave(1);

        var completion = await CompleteAsync(Day);

        Assert.Equal(2, faults.Saves);
        Assert.Equal([Staff10, Staff11], completion.Awards.Select(e => e.Member));
        Assert.Equal(2, Awards().Length);
    }

    [Fact]
    public async Task ConcurrentCompletionsOnDifferentDays_AllReturnTheOneStoredCompletion()
    {
        await fixture.DeliverAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(k => Task.Run(() => CompleteAsync(Day.PlusDays(-k)))));

        var stored = fixture.Store.Find<ServiceProject>(P1)!;
        Assert.Equal(2, Awards().Length);
        Assert.All(results, r => Assert.Equal(Awards().Select(e => e.Id), r.Awards.Select(e => e.Id)));
        Assert.All(results, r => Assert.Equal(stored.CompletedOn, r.Project.CompletedOn));
        Assert.All(Awards(), e => Assert.Equal(stored.CompletedOn, e.OccurredOn));
    }
}
