using GridGovernance.Organisation;
using GridGovernance.Persistence;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// Escalates to the parent unit in the organisation hierarchy (grid → community → street → district). From a unit that
/// is closed on the day it follows the successors (a merge target, a split's first part) to the open unit that took its
/// place and goes to that unit's parent; from a unit closed without a successor, to its last parent (or that parent's
/// successor, when it closed too).
/// </summary>
[Immutable]
public sealed class HierarchyEscalationPath : IEscalationPath
{
    private readonly IReadRepository<OrgUnit> units;

    /// <summary>Creates the path.</summary>
    /// <param name="units">The units.</param>
    public HierarchyEscalationPath(IReadRepository<OrgUnit> units)
    {
        this.units = Preconditions.CheckNotNull(units);
    }

    /// <inheritdoc />
    public async Task<OrgUnitId?> NextAsync(OrgUnitId from, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        OrgUnitId? current = from;
        for (int steps = 0; current is OrgUnitId id && steps < MaxSteps; steps++)
        {
            var unit = await units.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (unit is null)
            {
                return null;
            }
            if (unit.TryGetParentOn(asOf, out var parent))
            {
                return parent;
            }
            if (!unit.Successors.IsEmpty)
            {
                current = unit.Successors[0]; // the same level: a split's parts share the split unit's parent
                continue;
            }
            if (unit.OpenedOn > asOf || unit.ParentId is not OrgUnitId last)
            {
                return null; // not open yet, or a closed root: nothing above
            }
            return await OpenOrSuccessorAsync(last, asOf, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    private const int MaxSteps = 1_000;

    /// <summary><paramref name="unit"/> when it is open on the day, else the open unit its successors lead to, or <c>null</c>.</summary>
    private async Task<OrgUnitId?> OpenOrSuccessorAsync(OrgUnitId unit, LocalDate asOf, CancellationToken cancellationToken)
    {
        OrgUnitId? current = unit;
        for (int steps = 0; current is OrgUnitId id && steps < MaxSteps; steps++)
        {
            var found = await units.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return null;
            }
            if (found.IsOpenOn(asOf))
            {
                return id;
            }
            current = found.Successors.IsEmpty ? null : found.Successors[0];
        }
        return null;
    }
}
