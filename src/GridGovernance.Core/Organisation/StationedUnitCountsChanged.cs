using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A stationed unit's staff or member count (在职党员) changed from a day on.</summary>
/// <param name="StationedUnit">The stationed unit.</param>
/// <param name="Headcount">Staff from <paramref name="EffectiveDate"/>.</param>
/// <param name="MemberCount">Party members on its staff from <paramref name="EffectiveDate"/>.</param>
/// <param name="EffectiveDate">The first day the counts hold.</param>
[Immutable]
public sealed record StationedUnitCountsChanged(StationedUnitId StationedUnit, int Headcount, int MemberCount, LocalDate EffectiveDate) : IDomainEvent;
