using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A unit was closed (by itself, or as the source of a merge or a split).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="EffectiveDate">The first day it no longer exists.</param>
/// <param name="Successors">The units that took over its contents (empty for a plain close).</param>
[Immutable]
public sealed record OrgUnitClosed(OrgUnitId Unit, LocalDate EffectiveDate, IReadOnlyList<OrgUnitId> Successors) : IDomainEvent;
