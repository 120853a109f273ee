using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A stationed unit (驻区单位) is located in another community from a day on (moved, or carried to a successor by a restructure).</summary>
/// <param name="StationedUnit">The stationed unit.</param>
/// <param name="From">The community it was in.</param>
/// <param name="To">The community it is in now.</param>
/// <param name="EffectiveDate">The first day it is in <paramref name="To"/>.</param>
[Immutable]
public sealed record StationedUnitMoved(StationedUnitId StationedUnit, OrgUnitId From, OrgUnitId To, LocalDate EffectiveDate) : IDomainEvent;
