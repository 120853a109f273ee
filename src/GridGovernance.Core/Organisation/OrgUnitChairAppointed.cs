namespace GridGovernance.Organisation;

/// <summary>A rotating chair's term was recorded (轮值主席).</summary>
/// <param name="Unit">The regional committee.</param>
/// <param name="Term">The term.</param>
[Immutable]
public sealed record OrgUnitChairAppointed(OrgUnitId Unit, ChairTerm Term) : IDomainEvent;
