using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Tests.Claims;

public sealed class ClaimServiceTest : IDisposable
{
    private static readonly ProjectId P1 = new(1);
    private static readonly OrgUnitId U10 = new(10), U11 = new(11);
    private static readonly Actor Claimant10 = ClaimsFixture.ClaimantOf(10), Claimant11 = ClaimsFixture.ClaimantOf(11), Claimant12 = ClaimsFixture.ClaimantOf(12);
    private readonly ClaimsFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Lifecycle_FromNeedToCompletion_RecordsPointsForTheMembersWhoServed()
    {
        await fixture.RunAsync(s => s.RaiseNeedAsync(ClaimsFixture.Secretary, new Need(new NeedId(5), ClaimsFixture.Community, "elderly-care", "独居老人助餐", ClaimMatcherTest.North(0), NeedUrgency.Urgent, "幸福社区", ClaimsFixture.Today)));
        await fixture.ListAsync(ClaimsFixture.Listing(10), ClaimsFixture.Listing(11));
        var proposed = await fixture.RunAsync(s => s.ProposeAsync(ClaimsFixture.Secretary, ClaimsFixture.Project(1, claimants: 2, needs: 5)));
        Assert.Equal(ProjectStatus.Proposed, proposed.Status);

        await fixture.RunAsync(s => s.OpenAsync(ClaimsFixture.Secretary, P1));
        var half = await fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1));
        Assert.Equal((ProjectStatus.Open, 1), (half.Status, half.OpenPlaces));
        var claimed = await fixture.RunAsync(s => s.ClaimAsync(Claimant11, P1));
        Assert.Equal(ProjectStatus.Claimed, claimed.Status);

        var deadline = new LocalDate(2024, 9, 30);
        var one = await fixture.RunAsync(s => s.SignAgreementAsync(Claimant10, P1, [ClaimsFixture.StaffOf(10)], 2000m, ClaimsFixture.Duties, deadline));
        Assert.Equal(ProjectStatus.Claimed, one.Status);
        var signed = await fixture.RunAsync(s => s.SignAgreementAsync(Claimant11, P1, [ClaimsFixture.StaffOf(11)], 0m, ClaimsFixture.Duties, deadline));
        Assert.Equal(ProjectStatus.AgreementSigned, signed.Status);
        Assert.Equal(2000m, signed.Agreements[0].Money);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), signed.Agreements[0].SignedAt);

        await fixture.RunAsync(s => s.StartDeliveryAsync(ClaimsFixture.Secretary, P1));
        var award = new ClaimPointsAward(LedgerFixture.Book, "themed-party-day");
        var completion = await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, P1, [ClaimsFixture.StaffOf(11), ClaimsFixture.StaffOf(10)], ClaimsFixture.Today, award));
        var entries = completion.Awards;
        Assert.Empty(completion.Skipped);

        Assert.Equal([ClaimsFixture.StaffOf(10), ClaimsFixture.StaffOf(11)], entries.Select(e => e.Member));
        Assert.All(entries, e => Assert.Equal(LedgerSource.Claim, e.Source));
        var again = await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, P1, [ClaimsFixture.StaffOf(10), ClaimsFixture.StaffOf(11)], ClaimsFixture.Today, award));
        Assert.Equal(entries.Select(e => e.Id), again.Awards.Select(e => e.Id));
        var need = await fixture.RunAsync(async s => (await s.MatchOpenProjectsAsync(ClaimsFixture.Secretary)).Projects.Length);
        Assert.Equal(0, need);
    }

    [Fact]
    public async Task SignAgreement_And_Fail_CheckTheirTexts_BeforeAnyChange()
    {
        var deadline = new LocalDate(2024, 9, 30);
        await fixture.ListAsync(ClaimsFixture.Listing(10));
        await fixture.OpenProjectAsync(1);
        var claimed = await fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1));

        var duties = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.SignAgreementAsync(
            Claimant10, P1, [ClaimsFixture.StaffOf(10)], 0m, ["送餐上门", "每周\u202E两次", new string('d', InputPolicy.MaxFreeTextLength + 1)], deadline)));
        var fail = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.FailAsync(ClaimsFixture.Secretary, P1, "撤回\u200B")));

        Assert.Equal([("duties[1]", ErrorCodes.ForbiddenCharacter), ("duties[2]", ErrorCodes.TextTooLong)], duties.Problems.Select(p => (p.Field, p.Rule)));
        Assert.Equal(("reason", ErrorCodes.ForbiddenCharacter), (fail.Problems[0].Field, fail.Problems[0].Rule));
        var unchanged = await fixture.RunAsync(s => s.GetProjectAsync(P1));
        Assert.Equal((claimed.Version, ProjectStatus.Claimed), (unchanged.Version, unchanged.Status));
    }

    [Fact]
    public async Task SignAgreement_RefusesPeopleOutsideTheClaimantsJurisdiction_NamingEachOfThem()
    {
        var deadline = new LocalDate(2024, 9, 30);
        await fixture.ListAsync(ClaimsFixture.Listing(10));
        await fixture.OpenProjectAsync(1);
        var claimed = await fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1));

        // Staff of another claimant, a member of the community the project serves, a member nobody knows.
        var error = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.SignAgreementAsync(
            Claimant10, P1, [ClaimsFixture.StaffOf(10), ClaimsFixture.StaffOf(11), new MemberId(2), new MemberId(999)], 0m, ClaimsFixture.Duties, deadline)));

        Assert.Equal(ErrorCodes.ValidationFailed, error.Code);
        Assert.Equal(["member:111", "member:2", "member:999"], error.Problems.Select(p => p.Key));
        Assert.All(error.Problems, p => Assert.Equal((ErrorCodes.ClaimsPersonOutsideJurisdiction, "people"), (p.Rule, p.Field)));
        Assert.Contains("member:999 is not a member within the jurisdiction of unit:10", error.Message);
        var one = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.SignAgreementAsync(
            Claimant10, P1, [ClaimsFixture.StaffOf(11)], 0m, ClaimsFixture.Duties, deadline)));
        Assert.Equal(ErrorCodes.ClaimsPersonOutsideJurisdiction, one.Code);
        var unchanged = await fixture.RunAsync(s => s.GetProjectAsync(P1));
        Assert.Equal((claimed.Version, 0), (unchanged.Version, unchanged.Agreements.Count));

        var signed = await fixture.RunAsync(s => s.SignAgreementAsync(Claimant10, P1, [ClaimsFixture.StaffOf(10), ClaimsFixture.SecretaryOf(10)], 0m, ClaimsFixture.Duties, deadline));
        Assert.Equal(ProjectStatus.AgreementSigned, signed.Status);
        Assert.Equal((U10, 2), (signed.Agreements[0].Unit, signed.Agreements[0].People.Length));
    }

    [Fact]
    public async Task ClaimAndSign_AreForTheClaimantsOwnSecretary_AndMatchingOnlySeesProjectsInJurisdiction()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10), ClaimsFixture.Listing(11));
        await fixture.OpenProjectAsync(1);
        // The community's secretary holds claims.propose over the project, but claims for unit 10 only through 10's own post.
        var notTheirs = await Assert.ThrowsAsync<ForbiddenException>(() => fixture.RunAsync(s => s.ClaimAsync(Actor.Post(new MemberId(1), RoleKind.Secretary, U10), P1)));
        Assert.Equal("claims.forbidden", notTheirs.Code);
        var otherUnit = await Assert.ThrowsAsync<ForbiddenException>(() => fixture.RunAsync(s => s.ClaimAsync(Actor.Post(ClaimsFixture.SecretaryOf(10), RoleKind.Secretary, U11), P1)));
        Assert.Contains("does not hold the post", otherUnit.Reason);

        // Unit 10's secretary may match nothing of community 100's: the post itself may match, but the project is outside it.
        var fromOutside = await fixture.RunAsync(s => s.MatchOpenProjectsAsync(Claimant10));
        Assert.Empty(fromOutside.Projects);
        var matching = await fixture.RunAsync(s => s.MatchOpenProjectsAsync(ClaimsFixture.Secretary));
        Assert.Equal(1, matching.FilledPlaces);
        Assert.Equal("claims.forbidden", (await Assert.ThrowsAsync<ForbiddenException>(() => fixture.RunAsync(s => s.ApplyMatchingAsync(Claimant10, matching)))).Code);
        Assert.Equal(ProjectStatus.Open, (await fixture.RunAsync(s => s.GetProjectAsync(P1))).Status);
        Assert.Equal(1, await fixture.RunAsync(s => s.ApplyMatchingAsync(ClaimsFixture.Secretary, matching)));
    }

    [Fact]
    public async Task UnitPoints_CreditEveryClaimantOfProjectsCompletedInThePeriod()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10, capacity: 2), ClaimsFixture.Listing(11));
        foreach (var (id, units, completedOn) in new[] { (1, new[] { 10, 11 }, new LocalDate(2024, 5, 10)), (2, new[] { 10 }, new LocalDate(2024, 7, 2)) })
        {
            await fixture.OpenProjectAsync(id, claimants: units.Length);
            foreach (var unit in units)
            {
                await fixture.RunAsync(s => s.ClaimAsync(ClaimsFixture.ClaimantOf(unit), new ProjectId(id)));
            }
            foreach (var unit in units)
            {
                await fixture.RunAsync(s => s.SignAgreementAsync(ClaimsFixture.ClaimantOf(unit), new ProjectId(id), [], 0m, [], completedOn));
            }
            await fixture.RunAsync(s => s.StartDeliveryAsync(ClaimsFixture.Secretary, new ProjectId(id)));
            await fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, new ProjectId(id), [], completedOn));
        }

        var q2 = await fixture.RunAsync(s => s.UnitPointsAsync(new DateInterval(new LocalDate(2024, 4, 1), new LocalDate(2024, 6, 30)), Points.From(5)));

        Assert.Equal([(U10, Points.From(5)), (U11, Points.From(5))], q2.Select(e => (e.Key, e.Value)));
        var year = await fixture.RunAsync(s => s.UnitPointsAsync(ClaimsFixture.Year, Points.From(5)));
        Assert.Equal(Points.From(10), year[U10]);
    }

    [Fact]
    public async Task Complete_FreesTheClaimantsPlaces_SoTheyCanClaimAgain()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10));
        await fixture.OpenProjectAsync(1);
        await fixture.OpenProjectAsync(2);
        await fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1));
        var limit = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ClaimAsync(Claimant10, new ProjectId(2))));
        Assert.Equal(ErrorCodes.ClaimsUnitLimitReached, limit.Code);

        await fixture.RunAsync(s => s.FailAsync(ClaimsFixture.Secretary, P1, "资金未落实"));

        var claimed = await fixture.RunAsync(s => s.ClaimAsync(Claimant10, new ProjectId(2)));
        Assert.Equal(ProjectStatus.Claimed, claimed.Status);
    }

    [Fact]
    public async Task Claim_RefusesIneligibleDuplicateAndFullClaims()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10, capacity: 2), ClaimsFixture.Listing(11, category: "legal"), ClaimsFixture.Listing(12, areas: [7]));
        await fixture.OpenProjectAsync(1, claimants: 2);

        Assert.Equal(ErrorCodes.ClaimsNotEligible, (await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ClaimAsync(Claimant11, P1)))).Code);
        Assert.Equal(ErrorCodes.ClaimsNotEligible, (await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ClaimAsync(Claimant12, P1)))).Code);
        await fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1));
        Assert.Equal(ErrorCodes.ClaimsAlreadyClaimed, (await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1)))).Code);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.RunAsync(s => s.ClaimAsync(ClaimsFixture.ClaimantOf(16), P1)));
    }

    [Fact]
    public async Task IllegalSteps_ThrowNamingFromAndTo()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10));
        await fixture.RunAsync(s => s.ProposeAsync(ClaimsFixture.Secretary, ClaimsFixture.Project(1)));

        var notOpen = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.ClaimAsync(Claimant10, P1)));
        Assert.Equal(("Proposed", "Claimed"), (notOpen.From, notOpen.To));
        await fixture.RunAsync(s => s.OpenAsync(ClaimsFixture.Secretary, P1));
        var early = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.CompleteAsync(ClaimsFixture.Secretary, P1, [], ClaimsFixture.Today)));
        Assert.Equal(("Open", "Completed"), (early.From, early.To));
        Assert.Equal(ErrorCodes.ClaimsIllegalTransition, early.Code);
        Assert.Equal(["Claimed", "Failed"], early.Allowed.ToArray());
        Assert.Contains("the table allows Claimed, Failed", early.Message);
        await fixture.RunAsync(s => s.FailAsync(ClaimsFixture.Secretary, P1, "取消"));
        var final = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.OpenAsync(ClaimsFixture.Secretary, P1)));
        Assert.Contains("final", final.Message);
    }

    [Fact]
    public async Task Propose_RefusesANeedPackagedTwice()
    {
        await fixture.RunAsync(s => s.RaiseNeedAsync(ClaimsFixture.Secretary, new Need(new NeedId(5), ClaimsFixture.Community, "legal", "法律咨询", ClaimMatcherTest.North(0), NeedUrgency.Normal, "社区", ClaimsFixture.Today)));
        await fixture.RunAsync(s => s.ProposeAsync(ClaimsFixture.Secretary, ClaimsFixture.Project(1, category: "legal", needs: 5)));

        var error = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ProposeAsync(ClaimsFixture.Secretary, ClaimsFixture.Project(2, category: "legal", needs: 5))));
        Assert.Equal(ErrorCodes.ClaimsIllegalTransition, error.Code);
        await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.RunAsync(s => s.OpenAsync(ClaimsFixture.Secretary, new ProjectId(2))));
    }

    [Fact]
    public async Task MatchOpenProjects_ThenApply_ClaimsTheOptimalMatching()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10), ClaimsFixture.Listing(11), ClaimsFixture.Listing(12, category: "legal"));
        await fixture.OpenProjectAsync(1);
        await fixture.OpenProjectAsync(2);
        await fixture.OpenProjectAsync(3, category: "legal");

        var matching = await fixture.RunAsync(s => s.MatchOpenProjectsAsync(ClaimsFixture.Secretary));
        Assert.Equal(3, matching.FilledPlaces);
        Assert.Equal(3, await fixture.RunAsync(s => s.ApplyMatchingAsync(ClaimsFixture.Secretary, matching)));

        var again = await fixture.RunAsync(s => s.MatchOpenProjectsAsync(ClaimsFixture.Secretary));
        Assert.Empty(again.Projects);
    }

    [Fact]
    public async Task ApplyMatching_WhenOneClaimIsRefused_ClaimsNothing()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10), ClaimsFixture.Listing(11), ClaimsFixture.Listing(12, category: "legal"));
        await fixture.OpenProjectAsync(1);
        await fixture.OpenProjectAsync(2);
        await fixture.OpenProjectAsync(3, category: "legal");
        var matching = await fixture.RunAsync(s => s.MatchOpenProjectsAsync(ClaimsFixture.Secretary));
        // The legal project is claimed by hand after the matching was made: its place in the matching is gone.
        var legalClaimant = matching.Projects.Single(p => p.Project == new ProjectId(3)).Assignments.Single().Unit;
        await fixture.RunAsync(s => s.ClaimAsync(ClaimsFixture.ClaimantOf(legalClaimant.Value), new ProjectId(3)));

        await Assert.ThrowsAnyAsync<GridGovernanceException>(() => fixture.RunAsync(s => s.ApplyMatchingAsync(ClaimsFixture.Secretary, matching)));

        Assert.Equal(ProjectStatus.Open, (await fixture.RunAsync(s => s.GetProjectAsync(P1))).Status);
        Assert.Equal(ProjectStatus.Open, (await fixture.RunAsync(s => s.GetProjectAsync(new ProjectId(2)))).Status);
        Assert.Equal(2, (await fixture.RunAsync(s => s.MatchOpenProjectsAsync(ClaimsFixture.Secretary))).FilledPlaces);
    }

    [Fact]
    public async Task ConcurrentClaimsOfTheLastPlace_ExactlyOneWins()
    {
        for (int round = 0; round < 10; round++)
        {
            using var f = new ClaimsFixture();
            var units = Enumerable.Range(10, 6).ToArray();
            await f.ListAsync(units.Select(u => ClaimsFixture.Listing(u)).ToArray());
            await f.OpenProjectAsync(1, claimants: 2);
            await f.RunAsync(s => s.ClaimAsync(ClaimsFixture.ClaimantOf(units[0]), P1));

            var attempts = units.Skip(1).Select(u => Task.Run(() => TryAsync(() => f.RunAsync(s => s.ClaimAsync(ClaimsFixture.ClaimantOf(u), P1))))).ToArray();
            var outcomes = await Task.WhenAll(attempts);

            Assert.Equal(1, outcomes.Count(o => o is null));
            Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCodes.ClaimsProjectFull, o));
            var project = await f.RunAsync(s => s.GetProjectAsync(P1));
            Assert.Equal((ProjectStatus.Claimed, 2), (project.Status, project.Claims.Count));
        }
    }

    [Fact]
    public async Task ConcurrentClaimsByOneUnit_NeverExceedItsLimit()
    {
        await fixture.ListAsync(ClaimsFixture.Listing(10, capacity: 2));
        for (int p = 1; p <= 6; p++)
        {
            await fixture.OpenProjectAsync(p);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(p => Task.Run(() => TryAsync(() => fixture.RunAsync(s => s.ClaimAsync(Claimant10, new ProjectId(p)))))));

        Assert.Equal(2, outcomes.Count(o => o is null));
        Assert.All(outcomes.Where(o => o is not null), o => Assert.Equal(ErrorCodes.ClaimsUnitLimitReached, o));
    }

    private static async Task<string?> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (GridGovernanceException e)
        {
            return e.Code;
        }
    }
}
