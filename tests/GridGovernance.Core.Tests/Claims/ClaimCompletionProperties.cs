using FsCheck.Xunit;
using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Persistence;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Claims;

public sealed class ClaimCompletionProperties
{
    private static readonly ClaimPointsAward Award = new(LedgerFixture.Book, "themed-party-day");
    private static readonly MemberId[] Staff = [ClaimsFixture.StaffOf(10), ClaimsFixture.StaffOf(11)];

    /// <summary>
    /// Random completions of three projects, on random days, with injected failed saves, injected conflicts and retries,
    /// and a member who may leave the roster: after every step each project is either completed with exactly the awards
    /// of its stored served members who were on the roster that day (all dated the stored day), or not completed with no
    /// award at all. A last retry without faults completes every project.
    /// </summary>
    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 25)]
    public bool NoAwardIsEverHalfApplied(Choices random) => RunAsync(random).GetAwaiter().GetResult();

    private static async Task<bool> RunAsync(Choices random)
    {
        var faults = new FaultPlan();
        using var fixture = new ClaimsFixture(faults);
        for (int p = 1; p <= 3; p++)
        {
            await fixture.DeliverAsync(p);
        }
        if (random.Next(3) == 0)
        {
            var leaves = ClaimsFixture.Today.PlusDays(-random.Next(0, 6));
            await fixture.OrganisationAsync(o => o.RemoveMemberAsync(TestActors.System, Staff[random.Next(2)], leaves));
        }
        for (int step = 0; step < 8; step++)
        {
            var project = new ProjectId(random.Next(1, 4));
            var day = ClaimsFixture.Today.PlusDays(-random.Next(0, 8));
            MemberId[] served = random.Next(4) == 0 ? [Staff[random.Next(2)]] : Staff;
            switch (random.Next(4))
            {
                case 0: faults.FailSave(1); break;
                case 1: faults.ConflictOnSave(1); break;
                case 2: faults.FailSave(random.Next(1, 3)); break;
                default: faults.Clear(); break;
            }
            try
            {
                await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, project, served, day, Award));
            }
            catch (GridGovernanceException e) when (e.Code == FaultPlan.InjectedFault)
            {
                // A failed save: the invariant below says what it may have left.
            }
            if (!AllOrNothing(fixture))
            {
                return false;
            }
        }
        faults.Clear();
        for (int p = 1; p <= 3; p++)
        {
            await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, new ProjectId(p), Staff, ClaimsFixture.Today, Award));
        }
        return AllOrNothing(fixture) && fixture.Store.All<ServiceProject>().All(p => p.Status == ProjectStatus.Completed);
    }

    private static bool AllOrNothing(ClaimsFixture fixture)
    {
        var entries = fixture.Store.All<LedgerEntry>();
        var members = fixture.Store.All<Member>().ToDictionary(m => m.Id);
        foreach (var project in fixture.Store.All<ServiceProject>())
        {
            string prefix = $"claim:{project.Id.Value}:";
            var awards = entries.Where(e => e.IdempotencyKey.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            if (project.Status != ProjectStatus.Completed)
            {
                if (awards.Length > 0)
                {
                    return false;
                }
                continue;
            }
            var day = project.CompletedOn!.Value;
            var due = project.Served.Where(m => members[m].BranchOn(day) is not null).Order().ToArray();
            if (!awards.Select(e => e.Member).Order().SequenceEqual(due) || awards.Any(e => e.OccurredOn != day))
            {
                return false;
            }
        }
        return true;
    }
}
