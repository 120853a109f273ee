namespace GridGovernance.Organisation;

/// <summary>
/// A stationed unit's staff and the party members among them (在职党员) over a span of days, as kept in
/// <see cref="StationedUnit.CountsHistory"/>.
/// </summary>
/// <param name="Headcount">Staff; zero or more.</param>
/// <param name="MemberCount">Party members on its staff; zero to <paramref name="Headcount"/>.</param>
[Immutable]
public sealed record StationedUnitCounts(int Headcount, int MemberCount)
{
    /// <summary>Whether it has enough members to be expected to form its own branch (counts in 单独组建率's base).</summary>
    public bool IsEligibleForOwnOrganisation => MemberCount >= StationedUnit.MembersForOwnBranch;
}
