using FsCheck.Xunit;
using GridGovernance.Claims;
using NodaTime;

namespace GridGovernance.Tests.Claims;

public sealed class ClaimLifecycleProperties
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 6, 1, 2, 0);
    private static readonly OrgUnitId Unit = new(10);

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 300)]
    public bool EveryProjectStep_IsTakenExactlyWhenTheTableAllowsIt(Choices random)
    {
        var project = new ServiceProject(new ProjectId(1), "项目", "elderly-care", new AreaId(1), new OrgUnitId(100), ClaimMatcherTest.North(0), 1, new LocalDate(2024, 9, 30), []);
        for (int step = 0; step < 8; step++)
        {
            var before = project.Status;
            int action = random.Next(6);
            var target = action switch
            {
                0 => ProjectStatus.Open,
                1 => ProjectStatus.Claimed,
                2 => ProjectStatus.AgreementSigned,
                3 => ProjectStatus.InDelivery,
                4 => ProjectStatus.Completed,
                _ => ProjectStatus.Failed,
            };
            bool allowed = ProjectLifecycle.Allows(before, target);
            try
            {
                switch (action)
                {
                    case 0: project.Open(); break;
                    case 1: project.Claim(Unit, T0); break;
                    case 2: project.SignAgreement(new ClaimAgreement(Unit, [new MemberId(1)], 0m, ["duty"], new LocalDate(2024, 9, 30), T0)); break;
                    case 3: project.StartDelivery(); break;
                    case 4: project.Complete([new MemberId(1)], new LocalDate(2024, 9, 1)); break;
                    default: project.Fail("reason"); break;
                }
            }
            catch (IllegalTransitionException e)
            {
                if (allowed || project.Status != before || e.From != before.ToString() || e.To != target.ToString())
                {
                    return false;
                }
                continue;
            }
            catch (GridGovernanceException e) when (e.Code == ErrorCodes.ClaimsProjectFull)
            {
                // Claiming a claimed project is refused as full rather than as an illegal step.
                if (before != ProjectStatus.Claimed || project.Status != before)
                {
                    return false;
                }
                continue;
            }
            if (!allowed || project.Status != target)
            {
                return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 300)]
    public bool WishClaims_NeverHaveTwoLiveClaimants(Choices random)
    {
        var wish = new MicroWish(new WishId(1), new OrgUnitId(100), "书包", "李*", new LocalDate(2024, 5, 1));
        var day = new LocalDate(2024, 5, 1);
        const int expiry = 3;
        for (int step = 0; step < 12; step++)
        {
            day = day.PlusDays(random.Next(0, 3));
            var member = new MemberId(random.Next(1, 4));
            var holder = wish.Claimant;
            bool live = wish.Status == WishStatus.Claimed && !wish.IsExpired(day, expiry);
            try
            {
                if (random.Next(3) == 0)
                {
                    wish.Fulfil(member, day, expiry);
                }
                else
                {
                    wish.Claim(member, day, expiry);
                }
            }
            catch (GridGovernanceException)
            {
                // A refusal must leave a live claim with its holder.
                if (live && wish.Claimant != holder)
                {
                    return false;
                }
                continue;
            }
            // Success may only take a wish that had no live claim, or fulfil one's own.
            if (live && holder != member)
            {
                return false;
            }
            if (wish.Status == WishStatus.Fulfilled)
            {
                return wish.Claimant == member;
            }
        }
        return true;
    }
}
