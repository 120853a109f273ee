using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A unit was added to the hierarchy.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Parent">Its parent, or <c>null</c> for a root.</param>
/// <param name="EffectiveDate">The day it opened.</param>
[Immutable]
public sealed record OrgUnitAdded(OrgUnitId Unit, UnitKind Kind, OrgUnitId? Parent, LocalDate EffectiveDate) : IDomainEvent;
