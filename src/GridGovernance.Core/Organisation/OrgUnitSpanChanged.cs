namespace GridGovernance.Organisation;

/// <summary>A regional committee's span over a community started or ended.</summary>
/// <param name="Unit">The regional committee.</param>
/// <param name="Spanned">The community.</param>
/// <param name="Validity">The span's days.</param>
[Immutable]
public sealed record OrgUnitSpanChanged(OrgUnitId Unit, OrgUnitId Spanned, Validity Validity) : IDomainEvent;
