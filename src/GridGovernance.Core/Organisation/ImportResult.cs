namespace GridGovernance.Organisation;

/// <summary>What an import added.</summary>
/// <param name="Units">Units added.</param>
/// <param name="Members">Members added.</param>
/// <param name="Households">Households added.</param>
/// <param name="StationedUnits">Stationed units added.</param>
/// <param name="Roles">Roles assigned.</param>
[Immutable]
public sealed record ImportResult(int Units, int Members, int Households, int StationedUnits, int Roles);
