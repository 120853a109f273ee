using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A household was placed in another grid (or group).</summary>
/// <param name="Household">The household.</param>
/// <param name="OldUnit">The former unit.</param>
/// <param name="NewUnit">The new unit.</param>
/// <param name="EffectiveDate">The day of the move.</param>
[Immutable]
public sealed record HouseholdMoved(HouseholdId Household, OrgUnitId OldUnit, OrgUnitId NewUnit, LocalDate EffectiveDate) : IDomainEvent;
