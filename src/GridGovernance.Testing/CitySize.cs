namespace GridGovernance.Testing;

/// <summary>
/// The shape of a synthetic city: how many streets and communities, and ranges for grids, groups, members,
/// households and stationed units. The presets follow the numbers in the case reports.
/// </summary>
/// <param name="Name">A name for people.</param>
/// <param name="Streets">Street committees (街道) in the one district.</param>
/// <param name="Communities">Communities (社区) in all, spread evenly over the streets.</param>
/// <param name="GridsPerCommunity">Grids (网格, one grid branch each) per community.</param>
/// <param name="GroupsPerGrid">Party groups (楼宇党小组) per grid branch.</param>
/// <param name="MembersPerGrid">Members per grid, placed in its groups (or the branch when it has none).</param>
/// <param name="HouseholdsPerGrid">Households per grid (Wanshan: 200–300).</param>
/// <param name="StationedUnitsPerCommunity">Stationed units (驻区单位) per community.</param>
public sealed record CitySize(
    string Name,
    int Streets,
    int Communities,
    IntRange GridsPerCommunity,
    IntRange GroupsPerGrid,
    IntRange MembersPerGrid,
    IntRange HouseholdsPerGrid,
    IntRange StationedUnitsPerCommunity)
{
    /// <summary>One community of ten grids (Huainan Xinjian: 10 grids, a branch each, ~4,900 households).</summary>
    public static CitySize Community { get; } = new("community", 1, 1, new(10, 10), new(1, 3), new(6, 10), new(200, 300), new(2, 4));

    /// <summary>One street of fifteen communities (a Shantou street: 532 communities over 37 streets).</summary>
    public static CitySize Street { get; } = new("street", 1, 15, new(15, 25), new(1, 4), new(6, 10), new(200, 300), new(0, 3));

    /// <summary>
    /// A district calibrated to Wanshan (万山): 16 communities over four streets, 3–5 grids a community (Wanshan: 65 grids),
    /// 200–300 households a grid (Wanshan's standard), 28–36 members a grid (Wanshan: 2,061 members reported to the
    /// communities, about 32 a grid), 5–8 stationed units a community (Wanshan: 107). Enough members that every household
    /// can have a contact: about 2,050 members of capacity 10.8 on average for about 16,000 households
    /// (docs/testing.md, "Calibration").
    /// </summary>
    public static CitySize District { get; } = new("district", 4, 16, new(3, 5), new(2, 4), new(28, 36), new(200, 300), new(5, 8));

    /// <summary>
    /// A whole city: 37 streets, 532 communities (Shantou), ~12,000 grids of 200–300 households (~3M
    /// households), ~100,000 members, ~36,000 party groups: about 3.2 million nodes.
    /// </summary>
    public static CitySize City { get; } = new("city", 37, 532, new(20, 25), new(2, 4), new(7, 10), new(200, 300), new(0, 2));

    /// <summary>
    /// The share of leadership posts left vacant, from 0 (every post filled, the default) to 1: the secretaries (书记) of
    /// the district, the streets, the communities and the grid branches, the grid heads (网格长) and the group leaders
    /// (党小组长). Vacancies are drawn from their own random stream, so the rest of the city is the same at any rate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is below 0, above 1 or not a number.</exception>
    public double VacancyRate
    {
        get => vacancyRate;
        init => vacancyRate = value is >= 0 and <= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(VacancyRate), value, "VacancyRate must be between 0 and 1.");
    }

    private readonly double vacancyRate;

    /// <summary>The expected number of nodes (units, members, households), for sizing.</summary>
    public long ExpectedNodes
    {
        get
        {
            double grids = Communities * GridsPerCommunity.Mean;
            return (long)(1 + Streets + Communities + grids * (1 + GroupsPerGrid.Mean + MembersPerGrid.Mean + HouseholdsPerGrid.Mean));
        }
    }
}
