namespace GridGovernance.Scoring.Rewards;

/// <summary>Identifies one calendar year of a member's points account (<see cref="PointsAccountYear"/>).</summary>
/// <param name="Member">The member who owns the account.</param>
/// <param name="Year">The calendar year, in the configured zone.</param>
[Immutable]
public readonly record struct PointsAccountYearId(MemberId Member, int Year)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"points-account:{Member.Value}/{Year}");
}
