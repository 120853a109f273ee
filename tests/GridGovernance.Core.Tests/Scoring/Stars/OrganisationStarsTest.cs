using GridGovernance.Scoring;
using GridGovernance.Scoring.Stars;

namespace GridGovernance.Tests.Scoring.Stars;

public sealed class OrganisationStarsTest
{
    private static readonly StarBand[] Bands = [new(1, Points.From(60)), new(2, Points.From(75)), new(3, Points.From(90))];

    [Fact]
    public void For_StarsPerUnitInIdOrder()
    {
        var points = new Dictionary<OrgUnitId, Points>
        {
            [new OrgUnitId(30)] = Points.From(95),
            [new OrgUnitId(10)] = Points.Parse("74.5"),
            [new OrgUnitId(20)] = Points.From(40),
        };

        var stars = OrganisationStars.For(points, Bands);

        Assert.Equal(
            [new UnitStars(new OrgUnitId(10), Points.Parse("74.5"), 1), new UnitStars(new OrgUnitId(20), Points.From(40), 0), new UnitStars(new OrgUnitId(30), Points.From(95), 3)],
            stars.ToArray());
    }

    [Fact]
    public void For_Empty_Empty() => Assert.Empty(OrganisationStars.For(new Dictionary<OrgUnitId, Points>(), Bands));

    [Fact]
    public void For_BadInput_Throws()
    {
        var points = new Dictionary<OrgUnitId, Points> { [new OrgUnitId(1)] = Points.Zero };
        Assert.Throws<GridGovernanceValidationException>(() => OrganisationStars.For(points, [new StarBand(2, Points.From(10)), new StarBand(1, Points.From(20))]));
        Assert.Throws<GridGovernanceValidationException>(() => OrganisationStars.For(new Dictionary<OrgUnitId, Points> { [default] = Points.Zero }, Bands));
        Assert.Throws<ArgumentNullException>(() => OrganisationStars.For(null!, Bands));
    }
}
