using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A household left the roster (moved away).</summary>
/// <param name="Household">The household.</param>
/// <param name="EffectiveDate">The first day it is no longer on the roster.</param>
[Immutable]
public sealed record HouseholdRemoved(HouseholdId Household, LocalDate EffectiveDate) : IDomainEvent;
