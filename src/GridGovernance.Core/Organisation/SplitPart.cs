namespace GridGovernance.Organisation;

/// <summary>One new unit of a split and what it takes over from the unit being split.</summary>
/// <param name="Unit">The new unit: same kind and parent as the unit split.</param>
/// <param name="Contents">The child units, members and households it takes over; together the parts must take everything, each thing once.</param>
[Immutable]
public sealed record SplitPart(UnitDraft Unit, IReadOnlyCollection<NodeRef> Contents);
