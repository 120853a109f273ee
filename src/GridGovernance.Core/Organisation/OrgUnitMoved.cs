using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A unit was moved under another parent.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="OldParent">The former parent.</param>
/// <param name="NewParent">The new parent.</param>
/// <param name="EffectiveDate">The day of the move.</param>
[Immutable]
public sealed record OrgUnitMoved(OrgUnitId Unit, OrgUnitId? OldParent, OrgUnitId? NewParent, LocalDate EffectiveDate) : IDomainEvent;
