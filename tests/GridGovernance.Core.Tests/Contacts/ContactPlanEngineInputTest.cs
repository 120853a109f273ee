using GridGovernance.Contacts;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Contacts;

/// <summary>The contact planner at the antimeridian and with unknown locations (issue 14).</summary>
public sealed class ContactPlanEngineInputTest
{
    private static readonly OrgUnitId Community = new(1), Grid = new(11);

    [Fact]
    public void APairAcrossTheAntimeridian_Is222Metres_NotAroundTheWorld()
    {
        var plan = ContactPlanEngine.Plan(
            [new ContactHousehold(new HouseholdId(1), Community, Grid, new GeoPoint(0, 179.999))],
            [new ContactMember(new MemberId(1), Community, Grid, MemberKind.LongResident, new GeoPoint(0, -179.999))]);

        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
        Assert.InRange(plan.TotalDistanceMetres, 221, 223);
    }

    [Fact]
    public void TheNearerMember_AcrossTheAntimeridian_IsChosen()
    {
        var plan = ContactPlanEngine.Plan(
            [new ContactHousehold(new HouseholdId(1), Community, Grid, new GeoPoint(10, -179.9995))],
            [new ContactMember(new MemberId(1), Community, Grid, MemberKind.LongResident, new GeoPoint(10, 179.9995)),
             new ContactMember(new MemberId(2), Community, Grid, MemberKind.LongResident, new GeoPoint(10, -179.99))]);

        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
    }

    [Fact]
    public void UnknownLocations_AndUndefinedKinds_AreRefused()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => ContactPlanEngine.Plan(
            [new ContactHousehold(new HouseholdId(1), Community, Grid, GeoPoint.Unknown)],
            [new ContactMember(new MemberId(1), Community, Grid, (MemberKind)99, default)]));

        Assert.Equal(
            [("households", ErrorCodes.LocationRequired), ("members", ErrorCodes.LocationRequired), ("members", ErrorCodes.UndefinedEnum)],
            e.Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public void OriginIsAPlace_UnknownIsNot()
    {
        var plan = ContactPlanEngine.Plan(
            [new ContactHousehold(new HouseholdId(1), Community, Grid, new GeoPoint(0, 0))],
            [new ContactMember(new MemberId(1), Community, Grid, MemberKind.LongResident, new GeoPoint(0, 0.001))]);

        Assert.Equal(new MemberId(1), plan.MemberOf(new HouseholdId(1)));
    }
}
