using GridGovernance.Scoring.Stars;

namespace GridGovernance.Tests.Scoring.Stars;

public sealed class MemberStarsTest
{
    [Fact]
    public void Construction_TotalAddsTheThreeSystems()
    {
        var stars = new MemberStars(new MemberId(7), new OrgUnitId(1000), Points.From(12), false, 2, ["study-star", "service-star"], 5);

        Assert.Equal(9, stars.Total);
        Assert.Equal(new MemberId(7), stars.Member);
        Assert.Equal(new OrgUnitId(1000), stars.Branch);
        Assert.Contains("9 stars", stars.ToString());
    }

    [Fact]
    public void Construction_BadArguments_Throw()
    {
        var member = new MemberId(1);
        var branch = new OrgUnitId(1);
        Assert.Throws<GridGovernanceValidationException>(() => new MemberStars(default, branch, Points.Zero, false, 0, [], 0));
        Assert.Throws<GridGovernanceValidationException>(() => new MemberStars(member, branch, Points.Zero, false, -1, [], 0));
        Assert.Throws<GridGovernanceValidationException>(() => new MemberStars(member, branch, Points.Zero, false, 0, [], -1));
        Assert.Throws<GridGovernanceValidationException>(() => new MemberStars(member, branch, Points.Zero, false, 0, [" "], 0));
        Assert.Throws<ArgumentNullException>(() => new MemberStars(member, branch, Points.Zero, false, 0, null!, 0));
    }
}
