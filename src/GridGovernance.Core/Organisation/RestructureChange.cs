using System.Collections.Immutable;
using GridGovernance.Authority;
using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// What a merge, split or close is about to do, as the <see cref="IRestructureParticipant"/>s see it: which units close
/// on which day, who acts, and where the work bound to each closing unit goes.
/// </summary>
/// <remarks>
/// The rule for a split (<see cref="SuccessorOf"/>): work named in a part's <see cref="SplitPart.Work"/> goes to that
/// part; otherwise it goes to the part that took the place the work sits at (its household, or the first of its nodes
/// found walking up the tree as it stood the day before the split); otherwise, for work bound to the split unit itself,
/// to the first part (the default part, as for the stationed units it covered). A merge has one successor, the target;
/// a close has none, so work bound to a closed unit blocks it.
/// </remarks>
[Immutable]
public sealed class RestructureChange
{
    private readonly ImmutableDictionary<OrgUnitId, ImmutableArray<OrgUnitId>> successors;
    private readonly ImmutableDictionary<string, OrgUnitId> explicitWork;
    private readonly ImmutableDictionary<NodeRef, OrgUnitId> owners;
    private readonly ImmutableDictionary<OrgUnitId, OrgUnit> unitsBefore;

    internal RestructureChange(RestructureKind kind, Actor actor, LocalDate effective, ImmutableDictionary<OrgUnitId, ImmutableArray<OrgUnitId>> successors,
        ImmutableDictionary<string, OrgUnitId>? explicitWork = null, ImmutableDictionary<NodeRef, OrgUnitId>? owners = null,
        ImmutableDictionary<OrgUnitId, OrgUnit>? unitsBefore = null)
    {
        Kind = kind;
        Actor = actor;
        Effective = effective;
        this.successors = successors;
        this.explicitWork = explicitWork ?? ImmutableDictionary<string, OrgUnitId>.Empty;
        this.owners = owners ?? ImmutableDictionary<NodeRef, OrgUnitId>.Empty;
        this.unitsBefore = unitsBefore ?? ImmutableDictionary<OrgUnitId, OrgUnit>.Empty;
        Closing = [.. successors.Keys.Order()];
    }

    /// <summary>Merge, split or close.</summary>
    public RestructureKind Kind { get; }

    /// <summary>Who makes the change (already authorised for it); participants record it as the actor of each move.</summary>
    public Actor Actor { get; }

    /// <summary>The first day the closing units no longer exist.</summary>
    public LocalDate Effective { get; }

    /// <summary>The units that close, in id order.</summary>
    public ImmutableArray<OrgUnitId> Closing { get; }

    /// <summary>Whether <paramref name="unit"/> closes in this change.</summary>
    /// <param name="unit">The unit.</param>
    public bool IsClosing(OrgUnitId unit) => successors.ContainsKey(unit);

    /// <summary>The successors of a closing unit (none for a close, or for a unit that does not close here).</summary>
    /// <param name="closing">The closing unit.</param>
    public ImmutableArray<OrgUnitId> SuccessorsOf(OrgUnitId closing) => successors.TryGetValue(closing, out var found) ? found : [];

    /// <summary>
    /// Where work bound to <paramref name="closing"/> goes: the merge target; for a split, the part the type's rule
    /// picks from <paramref name="work"/> and <paramref name="places"/>; <c>null</c> when the unit has no successor.
    /// </summary>
    /// <param name="closing">The closing unit the work is bound to.</param>
    /// <param name="work">The work's label (<c>workorder:17</c>), which a split part may name in <see cref="SplitPart.Work"/>.</param>
    /// <param name="places">Where the work sits, most specific first: a household, the unit it was filed at, …</param>
    public OrgUnitId? SuccessorOf(OrgUnitId closing, string work, params ReadOnlySpan<NodeRef> places)
    {
        var found = SuccessorsOf(closing);
        if (found.IsEmpty)
        {
            return null;
        }
        if (found.Length == 1)
        {
            return found[0];
        }
        if (work is not null && explicitWork.TryGetValue(work, out var named))
        {
            return named;
        }
        foreach (var place in places)
        {
            if (OwnerOf(place) is OrgUnitId part)
            {
                return part;
            }
        }
        return found[0];
    }

    /// <summary>The part that took <paramref name="place"/> or the first unit above it (the tree as it stood the day before).</summary>
    private OrgUnitId? OwnerOf(NodeRef place)
    {
        if (owners.TryGetValue(place, out var part))
        {
            return part;
        }
        if (place.Kind != NodeKind.Unit)
        {
            return null;
        }
        var day = Effective.PlusDays(-1);
        OrgUnitId? current = place.AsUnit();
        for (int steps = 0; current is OrgUnitId id && unitsBefore.TryGetValue(id, out var unit) && steps <= unitsBefore.Count; steps++)
        {
            if (owners.TryGetValue(id, out part))
            {
                return part;
            }
            current = unit.TryGetParentOn(day, out var parent) ? parent : unit.ParentId;
        }
        return null;
    }
}
