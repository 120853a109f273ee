namespace GridGovernance.Contacts;

/// <summary>Contact coverage of one grid (网格联系户覆盖).</summary>
/// <param name="Grid">The grid.</param>
/// <param name="Community">Its community.</param>
/// <param name="Households">Households in the grid.</param>
/// <param name="Covered">Households linked to a member.</param>
[Immutable]
public readonly record struct GridContactCoverage(OrgUnitId Grid, OrgUnitId Community, int Households, int Covered)
{
    /// <summary>Covered ÷ households (1 for an empty grid).</summary>
    public double Rate => Households == 0 ? 1 : (double)Covered / Households;
}
