using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// Carries the work orders bound to units a restructure closes (see <see cref="IRestructureParticipant"/>): every order
/// that is not closed whose filing unit or responsible unit closes follows the successor
/// (<see cref="WorkOrderCommand.FollowSuccessor"/>); a claimed order whose handler holds no post over the successor is
/// then handed to the successor (转办, <see cref="WorkOrderCommand.Transfer"/>) for its cadres to claim again, the first
/// responder staying accountable; a whistled, resolved, rated or reopened order's handler is released in its state
/// (<see cref="WorkOrderCommand.ReleaseHandler"/>). The same holds when the handler's own post was on a closing unit
/// and the order's units stay. An order bound to a unit closed without a successor blocks the close.
/// </summary>
[Immutable]
internal sealed class WorkOrderRestructureParticipant : IRestructureParticipant
{
    private readonly IRepository<WorkOrder> orders;
    private readonly IReadRepository<Member> members;
    private readonly IReadRepository<OrgUnit> units;
    private readonly OrganisationQueries organisation;
    private readonly IClock clock;

    public WorkOrderRestructureParticipant(IRepository<WorkOrder> orders, IReadRepository<Member> members, IReadRepository<OrgUnit> units, OrganisationQueries organisation,
        IClock clock)
    {
        this.orders = Preconditions.CheckNotNull(orders);
        this.members = Preconditions.CheckNotNull(members);
        this.units = Preconditions.CheckNotNull(units);
        this.organisation = Preconditions.CheckNotNull(organisation);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    public async Task<IReadOnlyList<RestructureBlocker>> CarryAsync(RestructureChange change, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(change);
        var blockers = new List<RestructureBlocker>();
        var actor = new WorkOrderActor(change.Actor.AuditName);
        var now = clock.GetCurrentInstant();
        var notClosed = Specification.Create<WorkOrder>(q => q.Where(o => o.Status != WorkOrderStatus.Closed).OrderBy(o => o.Id.Value));
        var handlers = new Dictionary<MemberId, bool>();
        foreach (var order in await orders.ListAsync(notClosed, cancellationToken).ConfigureAwait(false))
        {
            bool unitCloses = change.IsClosing(order.Unit);
            bool responsibleCloses = change.IsClosing(order.ResponsibleUnit);
            // A handler whose own post was on a closing unit may be left without one over the order, even where the
            // order's units stay.
            bool handlerPostCloses = order.Handler is MemberId h && await HeldPostOnClosingUnitAsync(h, change, handlers, cancellationToken).ConfigureAwait(false);
            if (!unitCloses && !responsibleCloses && !handlerPostCloses)
            {
                continue;
            }
            string work = order.Id.ToString();
            ReadOnlySpan<NodeRef> places = order.Household is HouseholdId household ? [household, order.Unit] : [order.Unit];
            var unit = unitCloses ? change.SuccessorOf(order.Unit, work, places) : order.Unit;
            var responsible = responsibleCloses ? change.SuccessorOf(order.ResponsibleUnit, work, places) : order.ResponsibleUnit;
            if (unit is not OrgUnitId toUnit || responsible is not OrgUnitId toResponsible)
            {
                var closing = unit is null ? order.Unit : order.ResponsibleUnit;
                blockers.Add(new RestructureBlocker(work, closing, $"work order {order.Category} is {order.Status} there; close it or hand it to another unit first"));
                continue;
            }
            if (blockers.Count > 0)
            {
                continue; // refused anyway: only list the rest
            }
            var at = order.NotBeforeLastChange(now);
            if (unitCloses || responsibleCloses)
            {
                order.FollowSuccessor(toUnit, toResponsible, actor, $"{change.Kind} on {change.Effective:yyyy-MM-dd}", at);
            }
            if ((responsibleCloses || handlerPostCloses) && order.Handler is MemberId handler
                && !await HoldsPostOverAsync(handler, change, toResponsible, cancellationToken).ConfigureAwait(false))
            {
                string why = $"{handler} holds no post over {toResponsible} after the {change.Kind.ToString().ToLowerInvariant()}";
                if (order.Status == WorkOrderStatus.Claimed)
                {
                    order.Transfer(toResponsible, actor, why, at);
                }
                else if (WorkOrderWorkflow.Allows(order.Status, WorkOrderCommand.ReleaseHandler))
                {
                    order.ReleaseHandler(actor, why, at);
                }
            }
            if (order.DomainEvents.Count > 0)
            {
                await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            }
        }
        return blockers;
    }

    /// <summary>Whether the member held, the day before the change, a role on a unit that closes in it (cached per member).</summary>
    private async Task<bool> HeldPostOnClosingUnitAsync(MemberId handler, RestructureChange change, Dictionary<MemberId, bool> cache, CancellationToken cancellationToken)
    {
        if (!cache.TryGetValue(handler, out bool held))
        {
            var member = await members.GetByIdAsync(handler, cancellationToken).ConfigureAwait(false);
            held = member is not null && member.RolesOn(change.Effective.PlusDays(-1)).Any(r => change.IsClosing(r.Unit));
            cache[handler] = held;
        }
        return held;
    }

    /// <summary>
    /// Whether the handler holds, on the day of the change, a role on a unit that does not close and has the successor in
    /// its jurisdiction (a new split part is judged by the split unit's parent, where it opens).
    /// </summary>
    private async Task<bool> HoldsPostOverAsync(MemberId handler, RestructureChange change, OrgUnitId successor, CancellationToken cancellationToken)
    {
        var member = await members.GetByIdAsync(handler, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return false;
        }
        var before = change.Effective.PlusDays(-1);
        var stored = await units.GetByIdAsync(successor, cancellationToken).ConfigureAwait(false);
        NodeRef place = successor;
        if (stored is null || !stored.IsOpenOn(before))
        {
            var closing = change.Closing.FirstOrDefault(c => change.SuccessorsOf(c).Contains(successor));
            var closed = closing.IsSpecified ? await units.GetByIdAsync(closing, cancellationToken).ConfigureAwait(false) : null;
            if (closed?.ParentId is not OrgUnitId parent)
            {
                return false;
            }
            place = parent;
        }
        foreach (var role in member.RolesOn(change.Effective))
        {
            if (!change.IsClosing(role.Unit) && await organisation.IsWithinJurisdictionAsync(role.Unit, place, before, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
        return false;
    }
}
