using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A household was added to the roster.</summary>
/// <param name="Household">The household.</param>
/// <param name="Unit">The grid (or group) it is placed in.</param>
/// <param name="EffectiveDate">The day it was added.</param>
[Immutable]
public sealed record HouseholdAdded(HouseholdId Household, OrgUnitId Unit, LocalDate EffectiveDate) : IDomainEvent;
