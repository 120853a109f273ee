using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A unit's kind changed (改镇设街: a town becomes a street).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="OldKind">The former kind.</param>
/// <param name="NewKind">The new kind.</param>
/// <param name="EffectiveDate">The day the new kind applies.</param>
[Immutable]
public sealed record OrgUnitKindChanged(OrgUnitId Unit, UnitKind OldKind, UnitKind NewKind, LocalDate EffectiveDate) : IDomainEvent;
