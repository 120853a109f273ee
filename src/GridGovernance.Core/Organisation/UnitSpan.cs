namespace GridGovernance.Organisation;

/// <summary>A regional committee's span over one community (区域党委 covering several communities).</summary>
/// <param name="Unit">The community covered.</param>
/// <param name="Validity">When it is covered.</param>
[Immutable]
public sealed record UnitSpan(OrgUnitId Unit, Validity Validity);
