using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A unit was renamed.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="OldName">The former name.</param>
/// <param name="NewName">The new name.</param>
/// <param name="EffectiveDate">The day the new name applies.</param>
[Immutable]
public sealed record OrgUnitRenamed(OrgUnitId Unit, string OldName, string NewName, LocalDate EffectiveDate) : IDomainEvent;
