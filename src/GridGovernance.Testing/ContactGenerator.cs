using GridGovernance.Contacts;
using GridGovernance.Organisation;

namespace GridGovernance.Testing;

/// <summary>
/// Generates contact-plan instances deterministically by seed, fast enough for a million households in well under
/// a second: communities on a lattice about 2 km apart around Laiwu (36.2° N, 117.67° E), each with grids
/// (网格) clustered around their centre, households and members scattered around their grid's centre.
/// </summary>
public static class ContactGenerator
{
    /// <summary>Generates an instance.</summary>
    /// <param name="households">Households in all (≥ 0).</param>
    /// <param name="members">Members in all (≥ 0).</param>
    /// <param name="seed">The seed; the same seed gives the same instance.</param>
    /// <param name="householdsPerCommunity">Households per community (≥ 1); sets how many communities there are.</param>
    /// <param name="gridsPerCommunity">Grids per community (≥ 1).</param>
    /// <param name="inServiceShare">The share of members who are in-service (the rest long-resident), 0 to 1.</param>
    /// <returns>The instance; communities have ids 1..C, grids the ids after them.</returns>
    public static ContactScenario Generate(int households, int members, int seed, int householdsPerCommunity = 4000, int gridsPerCommunity = 10, double inServiceShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        ArgumentOutOfRangeException.ThrowIfNegative(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(householdsPerCommunity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(gridsPerCommunity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inServiceShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inServiceShare, 1);
        int communities = Math.Max(1, (int)Math.Ceiling((double)Math.Max(households, 1) / householdsPerCommunity));
        int side = (int)Math.Ceiling(Math.Sqrt(communities));
        var random = new Random(seed);
        const double metresPerDegree = 111_195.0;
        double cosLat = Math.Cos(36.2 * Math.PI / 180);
        // Grid centres, in metres from the community centre.
        var gridX = new double[communities * gridsPerCommunity];
        var gridY = new double[communities * gridsPerCommunity];
        for (int g = 0; g < gridX.Length; g++)
        {
            gridX[g] = (random.NextDouble() - 0.5) * 1400;
            gridY[g] = (random.NextDouble() - 0.5) * 1400;
        }
        var ids = Enumerable.Range(1, communities).Select(c => new OrgUnitId(c)).ToArray();
        var hs = new ContactHousehold[households];
        for (int i = 0; i < households; i++)
        {
            int c = (int)((long)i * communities / Math.Max(households, 1));
            int g = (c * gridsPerCommunity) + random.Next(gridsPerCommunity);
            hs[i] = new ContactHousehold(new HouseholdId(i + 1), ids[c], new OrgUnitId(communities + g + 1), Place(random, c, side, gridX[g], gridY[g], 160, cosLat, metresPerDegree));
        }
        var ms = new ContactMember[members];
        for (int j = 0; j < members; j++)
        {
            int c = (int)((long)j * communities / Math.Max(members, 1));
            int g = (c * gridsPerCommunity) + random.Next(gridsPerCommunity);
            var kind = random.NextDouble() < inServiceShare ? MemberKind.InService : MemberKind.LongResident;
            ms[j] = new ContactMember(new MemberId(j + 1), ids[c], new OrgUnitId(communities + g + 1), kind, Place(random, c, side, gridX[g], gridY[g], 220, cosLat, metresPerDegree));
        }
        return new ContactScenario(hs, ms, ids);
    }

    private static GeoPoint Place(Random random, int community, int side, double gx, double gy, double spread, double cosLat, double metresPerDegree)
    {
        // Box–Muller: a point scattered around the grid centre.
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        double r = spread * Math.Sqrt(-2 * Math.Log(u1));
        double x = ((community % side) * 2000) + gx + (r * Math.Cos(2 * Math.PI * u2));
        double y = ((community / side) * 2000) + gy + (r * Math.Sin(2 * Math.PI * u2));
        return new GeoPoint(36.2 + (y / metresPerDegree), 117.67 + (x / (metresPerDegree * cosLat)));
    }
}
