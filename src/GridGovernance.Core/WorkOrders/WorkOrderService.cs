using System.Collections.Immutable;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The application service of work orders, Laiwu's 四单 loop: 群众下单 (<see cref="FileAsync"/>) → 三事分流
/// (<see cref="TriageAsync"/>) → 干部领单 (<see cref="ClaimAsync"/>) → 社区督单 (<see cref="SuperviseAsync"/>,
/// reminders, escalation) → 吹哨报到 (<see cref="WhistleAsync"/>) → resolution, rating, closing → 公开晒单
/// (<see cref="BoardAsync"/>); plus the reports officials read (<see cref="ReportAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// Jurisdiction: an official acts for a unit, and the unit must have the order's responsible unit within its
/// jurisdiction on the day (<see cref="OrganisationQueries.IsWithinJurisdictionAsync"/>), and the member must belong
/// under that unit. Triage checks the filing unit instead, since the responsible unit is what triage decides. Only the
/// resident who filed an order may rate it.
/// </para>
/// <para>
/// Every write loads the order, checks everything, applies one command and saves the scope's unit of work once; on a
/// <see cref="ConcurrencyException"/> the write is retried from a fresh load (<see cref="UnitOfWorkRetry"/>).
/// Dates are reckoned in <see cref="GridGovernanceOptions.TimeZone"/>, time limits with the policy's calendar.
/// </para>
/// <para>
/// Points: when <see cref="WorkOrderPolicy.PointsAward"/> is set and a member resolves an order, the member is awarded
/// the item through <see cref="PointsLedgerService.RecordAsync"/> with <see cref="LedgerSource.WorkOrder"/>, once per
/// order (the idempotency key is <c>work-order:&lt;id&gt;</c>), in a second save after the order's.
/// </para>
/// </remarks>
[Immutable]
public sealed class WorkOrderService
{
    private static readonly WorkOrderActor ScanActor = WorkOrderActor.ForSystem("work-order-scan");

    private readonly IRepository<WorkOrder> orders;
    private readonly OrganisationQueries organisation;
    private readonly IEscalationPath escalation;
    private readonly PointsLedgerService ledger;
    private readonly IUnitOfWork unitOfWork;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="orders">Work orders.</param>
    /// <param name="organisation">The organisation's read side: units and households, jurisdiction, the index for reports.</param>
    /// <param name="escalation">Where escalations go.</param>
    /// <param name="ledger">The points ledger, for the optional award.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="options">The library's options (the zone).</param>
    /// <param name="policy">The work-order policy.</param>
    /// <param name="clock">The clock.</param>
    public WorkOrderService(
        IRepository<WorkOrder> orders,
        OrganisationQueries organisation,
        IEscalationPath escalation,
        PointsLedgerService ledger,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        WorkOrderPolicy policy,
        IClock clock)
    {
        this.orders = Preconditions.CheckNotNull(orders);
        this.organisation = Preconditions.CheckNotNull(organisation);
        this.escalation = Preconditions.CheckNotNull(escalation);
        this.ledger = Preconditions.CheckNotNull(ledger);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.options = Preconditions.CheckNotNull(options);
        Policy = Preconditions.CheckNotNull(policy);
        this.clock = Preconditions.CheckNotNull(clock);
        Preconditions.CheckArgumentRange(nameof(policy) + ".MaxReopens", policy.MaxReopens, 0, 100);
        Preconditions.CheckArgumentRange(nameof(policy) + ".ReminderWorkingDays", policy.ReminderWorkingDays, 0, 3650);
        Preconditions.CheckArgumentRange(nameof(policy) + ".EscalationWorkingDays", policy.EscalationWorkingDays, 1, 3650);
        Preconditions.CheckArgumentRange(nameof(policy) + ".ReopenWorkingDays", policy.ReopenWorkingDays, 1, 3650);
        Limits = new WorkOrderTimeLimits(policy.Calendar, options.TimeZone);
    }

    /// <summary>The policy in force.</summary>
    public WorkOrderPolicy Policy { get; }

    /// <summary>The reckoning of time limits (the policy's calendar in the configured zone).</summary>
    public WorkOrderTimeLimits Limits { get; }

    /// <summary>Today in the configured zone.</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>Files an order (群众下单). An order for a household is placed in the household's unit today.</summary>
    /// <param name="draft">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="EntityNotFoundException">The household or unit does not exist.</exception>
    /// <exception cref="ArgumentException">The draft names neither a unit nor a household, or its fields are invalid.</exception>
    public Task<WorkOrder> FileAsync(WorkOrderDraft draft, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(draft);
        return WriteAsync(async () =>
        {
            var today = Today;
            OrgUnitId unit;
            if (draft.Household is HouseholdId household)
            {
                var found = await organisation.GetHouseholdAsync(household, cancellationToken).ConfigureAwait(false);
                unit = found.UnitOn(today) ?? throw new GridGovernanceException(ErrorCodes.WorkOrderOutsideJurisdiction, $"{household} is in no unit on {today:yyyy-MM-dd}.");
            }
            else
            {
                Preconditions.CheckArgument(draft.Unit is not null, nameof(draft) + ".Unit", "A draft must name a unit or a household.");
                unit = draft.Unit.Value;
                var found = await organisation.GetUnitAsync(unit, cancellationToken).ConfigureAwait(false);
                Preconditions.CheckState(found.IsOpenOn(today), ErrorCodes.UnitClosed, $"{unit} ({found.Name}) is not open on {today:yyyy-MM-dd}.");
            }
            var latest = await orders.FirstOrDefaultAsync(new LatestWorkOrder(), cancellationToken).ConfigureAwait(false);
            var order = WorkOrder.File(new WorkOrderId((latest?.Id.Value ?? 0) + 1), draft, unit, clock.GetCurrentInstant());
            await orders.AddAsync(order, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return order;
        }, cancellationToken);
    }

    /// <summary>Loads an order.</summary>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such order.</exception>
    public async Task<WorkOrder> GetAsync(WorkOrderId order, CancellationToken cancellationToken = default) =>
        await orders.GetByIdAsync(order, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(WorkOrder), order);

    /// <summary>
    /// Sorts an order (三事分流) by the policy's rules on its category and urgency, makes the unit of the class's level
    /// above the filing unit responsible (the filing unit itself when there is none of that kind), and starts its limit.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who sorts it; their unit must have the filing unit within its jurisdiction.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> TriageAsync(WorkOrderId order, WorkOrderOfficial official, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.Unit, today, cancellationToken).ConfigureAwait(false);
            var triageClass = Policy.Triage.Classify(o.Category, o.Urgency);
            var unit = await UnitOfLevelAsync(o.Unit, triageClass.Level, today, cancellationToken).ConfigureAwait(false);
            o.Triage(triageClass, unit, Limits, Policy.ReminderWorkingDays, official.Actor, at);
        }, cancellationToken);

    /// <summary>An official takes the order (干部领单); the first to take it is its first responder (首问责任).</summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who takes it.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> ClaimAsync(WorkOrderId order, WorkOrderOfficial official, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            o.Claim(official, at);
        }, cancellationToken);

    /// <summary>Hands the order to another official; the first responder stays accountable.</summary>
    /// <param name="order">The order.</param>
    /// <param name="by">Who hands it on: the handler, or an official with the order in their jurisdiction.</param>
    /// <param name="to">The new handler, who must have the order within their jurisdiction.</param>
    /// <param name="note">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> TransferAsync(WorkOrderId order, WorkOrderOfficial by, WorkOrderOfficial to, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            if (o.Handler != by)
            {
                await RequireJurisdictionAsync(by, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            }
            await RequireJurisdictionAsync(to, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            o.Transfer(to, by.Actor, note, at);
        }, cancellationToken);

    /// <summary>Records a supervision (社区督单) by an official with the order in their jurisdiction.</summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who supervises.</param>
    /// <param name="note">What was asked or found.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> SuperviseAsync(WorkOrderId order, WorkOrderOfficial official, string note, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            o.Supervise(official.Unit, note, official.Actor, at);
        }, cancellationToken);

    /// <summary>
    /// Escalates the order one level up the responsibility chain (<see cref="IEscalationPath"/>) because the level
    /// cannot solve it; the order gets a new limit of <see cref="WorkOrderPolicy.EscalationWorkingDays"/>.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who escalates it; the order must be within their jurisdiction.</param>
    /// <param name="note">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> EscalateAsync(WorkOrderId order, WorkOrderOfficial official, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            await EscalateOneAsync(o, official.Actor, note, today, at, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// 吹哨: a community or street summons departments; each must report within its own limit and its part is tracked
    /// to its own resolution.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who blows the whistle: acting for a community, street or district with the order in its jurisdiction.</param>
    /// <param name="summons">The departments and their limits.</param>
    /// <param name="note">A note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> WhistleAsync(WorkOrderId order, WorkOrderOfficial official, IReadOnlyList<DepartmentSummons> summons, string? note = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(summons);
        return ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            var unit = await organisation.FindUnitAsync(official.Unit, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(unit is not null && (unit.Kind == UnitKind.Community || unit.Kind == UnitKind.Street || unit.Kind == UnitKind.District),
                ErrorCodes.WorkOrderOutsideJurisdiction, $"Only a community, street or district blows the whistle (社区/街道吹哨); {official.Unit} is a {unit?.Kind}.");
            o.Whistle(summons, Limits, official.Actor, note, at);
        }, cancellationToken);
    }

    /// <summary>A summoned department reports (报到).</summary>
    /// <param name="order">The order.</param>
    /// <param name="department">The department's code.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> AcknowledgePartAsync(WorkOrderId order, string department, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, (o, _, at) =>
        {
            o.AcknowledgePart(department, WorkOrderActor.ForDepartment(department), at);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A summoned department finished its part.</summary>
    /// <param name="order">The order.</param>
    /// <param name="department">The department's code.</param>
    /// <param name="evidence">What it did.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> ResolvePartAsync(WorkOrderId order, string department, string evidence, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, (o, _, at) =>
        {
            o.ResolvePart(department, evidence, WorkOrderActor.ForDepartment(department), at);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Resolves the order with evidence: by its handler, or by an official with the order in their jurisdiction. When
    /// the policy names a points item, the resolving member is awarded it (once per order).
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who resolved it.</param>
    /// <param name="evidence">The evidence.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<WorkOrder> ResolveAsync(WorkOrderId order, WorkOrderOfficial official, string evidence, CancellationToken cancellationToken = default)
    {
        var resolved = await ChangeAsync(order, async (o, today, at) =>
        {
            if (o.Handler != official)
            {
                await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            }
            o.Resolve(evidence, official.Actor, at);
        }, cancellationToken).ConfigureAwait(false);
        if (Policy.PointsAward is { } award)
        {
            await ledger.RecordAsync(Authority.Actor.System("work-orders"), award.RuleBook, LedgerSource.WorkOrder, new LedgerEntryRequest
            {
                Member = official.Member,
                ItemCode = award.ItemCode,
                OccurredOn = resolved.Resolution!.At.InZone(options.TimeZone).Date,
                IdempotencyKey = "work-order:" + order.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Evidence = order.ToString(),
            }, cancellationToken).ConfigureAwait(false);
        }
        return resolved;
    }

    /// <summary>The resident who filed the order rates its resolution; an unsatisfied rating reopens it (up to the policy's maximum).</summary>
    /// <param name="order">The order.</param>
    /// <param name="resident">The resident; must be the order's <see cref="WorkOrder.FiledBy"/>.</param>
    /// <param name="satisfied">Whether they are satisfied.</param>
    /// <param name="comment">A comment, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> RateAsync(WorkOrderId order, WorkOrderActor resident, bool satisfied, string? comment = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, (o, _, at) =>
        {
            o.Rate(satisfied, comment, resident, Limits, Policy, at);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Closes the order (办结) by an official with it in their jurisdiction.</summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who closes it.</param>
    /// <param name="note">A note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> CloseAsync(WorkOrderId order, WorkOrderOfficial official, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            o.Close(official.Actor, note, at);
        }, cancellationToken);

    /// <summary>Attaches the record of a residents' deliberation (周末议事厅) on a disputed matter.</summary>
    /// <param name="order">The order.</param>
    /// <param name="official">Who records it; the order must be within their jurisdiction.</param>
    /// <param name="deliberation">The record.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<WorkOrder> RecordDeliberationAsync(WorkOrderId order, WorkOrderOfficial official, DeliberationRecord deliberation, CancellationToken cancellationToken = default) =>
        ChangeAsync(order, async (o, today, at) =>
        {
            await RequireJurisdictionAsync(official, o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            o.RecordDeliberation(deliberation, official.Actor, at);
        }, cancellationToken);

    /// <summary>Sends the reminders that are due now (the limit is near): one transition per order, saved together.</summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The orders reminded, by id.</returns>
    public Task<ImmutableArray<WorkOrder>> SendRemindersAsync(CancellationToken cancellationToken = default) =>
        ScanAsync(now => new WorkOrdersDueForReminder(now), (o, _, at) =>
        {
            o.Remind(ScanActor, at);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// Escalates every overdue order one level up the responsibility chain, with a new limit; an order already at the
    /// top of the chain stays where it is (it is still reported overdue). Saved together.
    /// </summary>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The orders escalated, by id.</returns>
    public Task<ImmutableArray<WorkOrder>> EscalateOverdueAsync(CancellationToken cancellationToken = default) =>
        ScanAsync(now => new OverdueWorkOrders(now), async (o, today, at) =>
        {
            var next = await escalation.NextAsync(o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            if (next is not OrgUnitId up)
            {
                return false;
            }
            o.Escalate(up, Limits, Policy, ScanActor, "overdue", at);
            return true;
        }, cancellationToken);

    /// <summary>The report: open and overdue counts by grid, community and street, time to close, satisfaction rate; as of now.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<WorkOrderReport> ReportAsync(CancellationToken cancellationToken = default)
    {
        var index = await organisation.BuildIndexAsync(Today, cancellationToken).ConfigureAwait(false);
        var all = await orders.ListAsync(cancellationToken).ConfigureAwait(false);
        return WorkOrderReport.Compute(all, index, clock.GetCurrentInstant());
    }

    /// <summary>The public board (公开晒单) of the orders filed or closed from <paramref name="from"/> to <paramref name="to"/>, masked.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<ImmutableArray<PublicBoardEntry>> BoardAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckArgument(from <= to, nameof(to), $"to ({to:yyyy-MM-dd}) must not be before from ({from:yyyy-MM-dd}).");
        var zone = options.TimeZone;
        var found = await orders.ListAsync(new WorkOrdersFiledOrClosedBetween(zone.AtStartOfDay(from).ToInstant(), zone.AtStartOfDay(to.PlusDays(1)).ToInstant()),
            cancellationToken).ConfigureAwait(false);
        var names = new Dictionary<OrgUnitId, string>();
        foreach (var unit in found.Select(o => o.Unit).Distinct())
        {
            var u = await organisation.FindUnitAsync(unit, cancellationToken).ConfigureAwait(false);
            if (u is not null)
            {
                names[unit] = u.Name;
            }
        }
        return PublicBoard.Entries(found, from, to, zone, names);
    }

    private async Task RequireJurisdictionAsync(WorkOrderOfficial official, OrgUnitId target, LocalDate today, CancellationToken cancellationToken)
    {
        Preconditions.CheckArgument(official.Member.IsSpecified && official.Unit.IsSpecified, nameof(official), "official must name a real member and unit.");
        bool member = await organisation.IsWithinJurisdictionAsync(official.Unit, official.Member, today, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(member, ErrorCodes.WorkOrderOutsideJurisdiction, $"{official.Member} does not belong under {official.Unit} on {today:yyyy-MM-dd}.");
        bool order = await organisation.IsWithinJurisdictionAsync(official.Unit, target, today, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(order, ErrorCodes.WorkOrderOutsideJurisdiction, $"{official.Unit} does not have {target} within its jurisdiction on {today:yyyy-MM-dd}.");
    }

    private async Task EscalateOneAsync(WorkOrder order, WorkOrderActor actor, string? note, LocalDate today, Instant at, CancellationToken cancellationToken)
    {
        var next = await escalation.NextAsync(order.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false)
            ?? throw new GridGovernanceException(ErrorCodes.WorkOrderNoEscalationPath, $"{order.ResponsibleUnit} has nothing above it on {today:yyyy-MM-dd}; {order.Id} cannot go further up.");
        order.Escalate(next, Limits, Policy, actor, note, at);
    }

    /// <summary>The unit of <paramref name="level"/>'s kind on the path up from <paramref name="from"/>, or <paramref name="from"/> when there is none.</summary>
    private async Task<OrgUnitId> UnitOfLevelAsync(OrgUnitId from, HandlingLevel level, LocalDate today, CancellationToken cancellationToken)
    {
        var kind = level switch
        {
            HandlingLevel.Grid => UnitKind.GridBranch,
            HandlingLevel.Community => UnitKind.Community,
            HandlingLevel.Street => UnitKind.Street,
            _ => UnitKind.District,
        };
        OrgUnitId? current = from;
        for (int steps = 0; current is OrgUnitId id && steps < 1_000; steps++)
        {
            var unit = await organisation.FindUnitAsync(id, cancellationToken).ConfigureAwait(false);
            if (unit is null)
            {
                break;
            }
            if (unit.Kind == kind)
            {
                return id;
            }
            current = unit.TryGetParentOn(today, out var parent) ? parent : null;
        }
        return from;
    }

    private Task<WorkOrder> ChangeAsync(WorkOrderId id, Func<WorkOrder, LocalDate, Instant, Task> change, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var order = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            var at = clock.GetCurrentInstant();
            await change(order, at.InZone(options.TimeZone).Date, at).ConfigureAwait(false);
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return order;
        }, cancellationToken);

    private Task<ImmutableArray<WorkOrder>> ScanAsync(Func<Instant, Specifications.ISpecification<WorkOrder>> due, Func<WorkOrder, LocalDate, Instant, Task<bool>> change,
        CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var at = clock.GetCurrentInstant();
            var today = at.InZone(options.TimeZone).Date;
            var changed = ImmutableArray.CreateBuilder<WorkOrder>();
            foreach (var order in await orders.ListAsync(due(at), cancellationToken).ConfigureAwait(false))
            {
                if (await change(order, today, at).ConfigureAwait(false))
                {
                    await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
                    changed.Add(order);
                }
            }
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return changed.ToImmutable();
        }, cancellationToken);

    private Task<T> WriteAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, attempt, cancellationToken);
}
