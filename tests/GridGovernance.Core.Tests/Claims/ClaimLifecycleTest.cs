using GridGovernance.Claims;
using GridGovernance.Tests.Algorithms;
using NodaTime;

namespace GridGovernance.Tests.Claims;

/// <summary>The project's and the micro-wish's transition tables, checked on the aggregates for every pair of states.</summary>
public sealed class ClaimLifecycleTest
{
    private static readonly Instant T0 = Instant.FromUtc(2024, 6, 1, 2, 0);
    private static readonly LocalDate Day = new(2024, 6, 1);
    private static readonly OrgUnitId Unit = new(10);
    private static readonly MemberId Member = new(1);

    public static TheoryData<ProjectStatus, ProjectStatus> ProjectPairs() => StatePairs.All<ProjectStatus, ProjectStatus>();

    public static TheoryData<WishStatus, WishStatus> WishPairs() => StatePairs.All<WishStatus, WishStatus>();

    [Theory]
    [MemberData(nameof(ProjectPairs))]
    public void ProjectStep_FollowsTheTable_AndOtherwiseThrowsNamingFromAndTo(ProjectStatus from, ProjectStatus to)
    {
        var project = ProjectIn(from);
        Action move = to switch
        {
            ProjectStatus.Open => project.Open,
            ProjectStatus.Claimed => () => project.Claim(new OrgUnitId(11), T0),
            ProjectStatus.AgreementSigned => () => project.SignAgreement(Agreement()),
            ProjectStatus.InDelivery => project.StartDelivery,
            ProjectStatus.Completed => () => project.Complete([Member], Day),
            ProjectStatus.Failed => () => project.Fail("withdrawn"),
            // Nothing moves a project back to Proposed; the table is what would refuse it.
            _ => () => ProjectLifecycle.Table.Apply(project.Status, to, $"{nameof(ServiceProject)} {project.Id}", project.Id),
        };

        if (from == ProjectStatus.Claimed && to == ProjectStatus.Claimed)
        {
            // A claimed project has no place left: refused as full before the table is asked.
            Assert.Equal(ErrorCodes.ClaimsProjectFull, Assert.Throws<GridGovernanceException>(move).Code);
        }
        else if (ProjectLifecycle.Allows(from, to))
        {
            move();
            Assert.Equal(to, project.Status);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(move);
            Assert.Equal((ErrorCodes.ClaimsIllegalTransition, from.ToString(), to.ToString(), (object)project.Id), (e.Code, e.From, e.To, e.AggregateId));
            Assert.Equal(ProjectLifecycle.From(from).Select(t => t.To.ToString()), e.Allowed);
            Assert.Contains($"from {from} to {to}", e.Message);
            Assert.Equal(from, project.Status);
        }
    }

    [Theory]
    [MemberData(nameof(WishPairs))]
    public void WishStep_FollowsTheTable_AndOtherwiseThrowsNamingFromAndTo(WishStatus from, WishStatus to)
    {
        var wish = WishIn(from);
        Action move = to switch
        {
            WishStatus.Claimed => () => wish.Claim(Member, Day, 30),
            WishStatus.Fulfilled => () => wish.Fulfil(Member, Day, 30),
            // A claim returns to the pool only by lapsing; from elsewhere the table is what would refuse it.
            _ when from == WishStatus.Claimed => () => Assert.True(wish.ExpireIfDue(Day.PlusDays(31), 30)),
            _ => () => WishLifecycle.Table.Apply(wish.Status, to, $"{nameof(MicroWish)} {wish.Id}", wish.Id),
        };

        if (WishLifecycle.Allows(from, to))
        {
            move();
            Assert.Equal(to, wish.Status);
        }
        else
        {
            var e = Assert.Throws<IllegalTransitionException>(move);
            Assert.Equal((ErrorCodes.ClaimsIllegalTransition, from.ToString(), to.ToString(), (object)wish.Id), (e.Code, e.From, e.To, e.AggregateId));
            Assert.Equal(from, wish.Status);
        }
    }

    [Fact]
    public void FinalStates_AllowNothing()
    {
        Assert.Empty(ProjectLifecycle.From(ProjectStatus.Completed));
        Assert.Empty(ProjectLifecycle.From(ProjectStatus.Failed));
        Assert.Empty(WishLifecycle.From(WishStatus.Fulfilled));
        Assert.All(Enum.GetValues<ProjectStatus>().Where(s => s is not ProjectStatus.Completed and not ProjectStatus.Failed),
            s => Assert.True(ProjectLifecycle.Allows(s, ProjectStatus.Failed)));
    }

    private static ServiceProject ProjectIn(ProjectStatus status)
    {
        var project = new ServiceProject(new ProjectId(1), "项目", "elderly-care", new AreaId(1), new OrgUnitId(100), ClaimMatcherTest.North(0), 1, new LocalDate(2024, 9, 30), []);
        if (status == ProjectStatus.Failed)
        {
            project.Fail("withdrawn");
            return project;
        }
        var path = new Action[] { project.Open, () => project.Claim(Unit, T0), () => project.SignAgreement(Agreement()), project.StartDelivery, () => project.Complete([Member], Day) };
        foreach (var step in path.Take((int)status))
        {
            step();
        }
        Assert.Equal(status, project.Status);
        return project;
    }

    private static MicroWish WishIn(WishStatus status)
    {
        var wish = new MicroWish(new WishId(1), new OrgUnitId(100), "一台助听器", "张*", Day);
        if (status != WishStatus.Open)
        {
            wish.Claim(Member, Day, 30);
        }
        if (status == WishStatus.Fulfilled)
        {
            wish.Fulfil(Member, Day, 30);
        }
        return wish;
    }

    private static ClaimAgreement Agreement() => new(Unit, [Member], 0m, ["duty"], new LocalDate(2024, 9, 30), T0);
}
