using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A stationed unit (驻区单位) was registered.</summary>
/// <param name="StationedUnit">The stationed unit.</param>
/// <param name="Community">Its community.</param>
/// <param name="EffectiveDate">The day it was registered.</param>
[Immutable]
public sealed record StationedUnitAdded(StationedUnitId StationedUnit, OrgUnitId Community, LocalDate EffectiveDate) : IDomainEvent;
