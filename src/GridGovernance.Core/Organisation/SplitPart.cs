using System.Collections.Immutable;

namespace GridGovernance.Organisation;

/// <summary>One new unit of a split and what it takes over from the unit being split.</summary>
/// <param name="Unit">The new unit: same kind and parent as the unit split.</param>
/// <param name="Contents">The child units, members and households it takes over; together the parts must take everything, each thing once.</param>
[Immutable]
public sealed record SplitPart(UnitDraft Unit, IReadOnlyCollection<NodeRef> Contents)
{
    /// <summary>
    /// Open work bound to the split unit that this part takes over whatever its place, named by its id's text
    /// (<c>workorder:17</c>, <c>stationed-unit:5</c>): the explicit mapping that overrides the rule of
    /// <see cref="RestructureChange.SuccessorOf"/>. Each piece of work is named by one part at most.
    /// </summary>
    public ImmutableArray<string> Work { get; init; } = [];
}
