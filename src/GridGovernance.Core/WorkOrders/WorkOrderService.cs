using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using NodaTime;
using Microsoft.Extensions.Logging;

namespace GridGovernance.WorkOrders;

/// <summary>
/// The application service of work orders, Laiwu's 四单 loop: 群众下单 (<see cref="FileAsync"/>) → 三事分流
/// (<see cref="TriageAsync"/>) → 干部领单 (<see cref="ClaimAsync"/>) → 社区督单 (<see cref="SuperviseAsync"/>,
/// reminders, escalation) → 吹哨报到 (<see cref="WhistleAsync"/>) → resolution, rating, closing → 公开晒单
/// (<see cref="BoardAsync"/>); plus the reports officials read (<see cref="ReportAsync"/>).
/// </summary>
/// <remarks>
/// <para>
/// Authority: every command takes the acting <see cref="Actor"/> first, loads the order, refuses a command the
/// transition table does not allow in its state (<see cref="IllegalTransitionException"/>), builds its
/// <see cref="AuthoritySubject"/> (label <c>workorder:{id}</c>; node: the responsible unit, or the filing unit for
/// filing and triage; the filer; the summoned departments; for rating, the members who claimed or resolved it) and
/// asks <see cref="IAuthorityPolicy"/> before anything changes (the <c>workorders.*</c> rows of
/// <see cref="GridGovernanceOptions.Authority"/>). A refusal throws <see cref="ForbiddenException"/> with code
/// <c>workorders.forbidden</c> and nothing is saved. Audit columns store <see cref="Actor.AuditName"/>.
/// </para>
/// <para>
/// Every write loads the order, checks everything, applies one command and saves the scope's unit of work once; on a
/// <see cref="ConcurrencyException"/> the write is retried from a fresh load (<see cref="UnitOfWorkRetry"/>).
/// Dates are reckoned in <see cref="GridGovernanceOptions.TimeZone"/>, time limits with the policy's calendar.
/// </para>
/// <para>
/// Points: when <see cref="WorkOrderPolicy.PointsAward"/> is set and a member resolves an order, the member is awarded
/// the item through <see cref="PointsLedgerService.RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/> with <see cref="LedgerSource.WorkOrder"/>, once per
/// order (the idempotency key is <c>work-order:&lt;id&gt;</c>), staged with the order and saved in the same unit of work.
/// </para>
/// </remarks>
[Immutable]
public sealed class WorkOrderService
{
    private readonly IRepository<WorkOrder> orders;
    private readonly OrganisationQueries organisation;
    private readonly IEscalationPath escalation;
    private readonly PointsLedgerService ledger;
    private readonly IAuthorityPolicy authority;
    private readonly IUnitOfWork unitOfWork;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;
    private readonly ILogger logger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="orders">Work orders.</param>
    /// <param name="organisation">The organisation's read side: units and households, jurisdiction, the index for reports.</param>
    /// <param name="escalation">Where escalations go.</param>
    /// <param name="ledger">The points ledger, for the optional award.</param>
    /// <param name="authority">Who may do what (<see cref="GridGovernanceOptions.Authority"/> over the roster).</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="options">The library's options (the zone).</param>
    /// <param name="policy">The work-order policy.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    public WorkOrderService(
        IRepository<WorkOrder> orders,
        OrganisationQueries organisation,
        IEscalationPath escalation,
        PointsLedgerService ledger,
        IAuthorityPolicy authority,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        WorkOrderPolicy policy,
        IClock clock,
        ILogger<WorkOrderService>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.orders = Preconditions.CheckNotNull(orders);
        this.organisation = Preconditions.CheckNotNull(organisation);
        this.escalation = Preconditions.CheckNotNull(escalation);
        this.ledger = Preconditions.CheckNotNull(ledger);
        this.authority = Preconditions.CheckNotNull(authority);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        Preconditions.CheckArgument(ledger.SharesUnitOfWork(unitOfWork), nameof(ledger),
            "The ledger must stage in the same unit of work as the work orders (one scope), so that a resolution and its award are saved together.");
        this.options = Preconditions.CheckNotNull(options);
        Policy = Preconditions.CheckNotNull(policy);
        this.clock = Preconditions.CheckNotNull(clock);
        Preconditions.CheckArgumentRange(nameof(policy) + ".MaxReopens", policy.MaxReopens, 0, 100);
        Preconditions.CheckArgumentRange(nameof(policy) + ".ReminderWorkingDays", policy.ReminderWorkingDays, 0, 3650);
        Preconditions.CheckArgumentRange(nameof(policy) + ".EscalationWorkingDays", policy.EscalationWorkingDays, 1, 3650);
        Preconditions.CheckArgumentRange(nameof(policy) + ".ReopenWorkingDays", policy.ReopenWorkingDays, 1, 3650);
        CheckDepartments(policy);
        Limits = new WorkOrderTimeLimits(policy.Calendar, options.TimeZone);
    }

    /// <summary>Refuses a policy whose configured departments are not codes or repeat one.</summary>
    private static void CheckDepartments(WorkOrderPolicy policy)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var departments = policy.Departments.IsDefault ? [] : policy.Departments;
        InputPolicy.ThrowIfAny("The work-order policy", departments.Select((d, i) =>
            !TriagePolicy.IsCategoryCode(d)
                ? new ValidationProblem($"policy.Departments[{i}]", null, ErrorCodes.WorkOrderInvalidPolicy,
                    $"A department must be a code: 1 to {TriagePolicy.MaxCategoryLength} letters, digits, '-', '_' or '.'.")
                : !seen.Add(d)
                    ? new ValidationProblem($"policy.Departments[{i}]", d, ErrorCodes.WorkOrderInvalidPolicy, $"Department '{d}' is listed twice.")
                    : null));
    }

    /// <summary>
    /// Checks a whistle's summons before anything is read: at least one; each department a code, configured in
    /// <see cref="WorkOrderPolicy.Departments"/> when the policy lists departments; each limit 1 to 3,650 working days.
    /// </summary>
    private void CheckSummons(IReadOnlyList<DepartmentSummons> summons)
    {
        var configured = Policy.Departments.IsDefaultOrEmpty ? null : Policy.Departments.ToHashSet(StringComparer.Ordinal);
        var problems = new List<ValidationProblem?>();
        if (summons.Count == 0)
        {
            problems.Add(new ValidationProblem("summons", null, ErrorCodes.InvalidValue, "A whistle must summon at least one department."));
        }
        for (int i = 0; i < summons.Count; i++)
        {
            string field = $"summons[{i}]";
            if (summons[i] is not { } s)
            {
                problems.Add(new ValidationProblem(field, null, ErrorCodes.InvalidValue, "A summons must not be null."));
                continue;
            }
            var text = InputPolicy.CheckText(s.Department, field + ".Department", null, TriagePolicy.MaxCategoryLength);
            string department = s.Department?.Trim() ?? "";
            problems.Add(text ?? (
                !TriagePolicy.IsCategoryCode(department)
                    ? new ValidationProblem(field + ".Department", null, ErrorCodes.InvalidValue,
                        $"A department must be a code: 1 to {TriagePolicy.MaxCategoryLength} letters, digits, '-', '_' or '.'.")
                    : configured is not null && !configured.Contains(department)
                        ? new ValidationProblem(field + ".Department", department, ErrorCodes.WorkOrderDepartmentNotConfigured,
                            $"Department '{department}' is not one of the policy's departments ({string.Join(", ", Policy.Departments)}).")
                        : null));
            problems.Add(InputPolicy.CheckRange(s.AcknowledgeWorkingDays, 1, 3650, field + ".AcknowledgeWorkingDays", null));
        }
        InputPolicy.ThrowIfAny("The summons", problems);
    }

    /// <summary>The policy in force.</summary>
    public WorkOrderPolicy Policy { get; }

    /// <summary>The reckoning of time limits (the policy's calendar in the configured zone).</summary>
    public WorkOrderTimeLimits Limits { get; }

    /// <summary>Today in the configured zone.</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>
    /// Files an order (群众下单) for <paramref name="actor"/>, who becomes its <see cref="WorkOrder.FiledBy"/>: a
    /// resident (<see cref="Actor.Resident"/>) or a member in person, a cadre in a post with the unit in their
    /// jurisdiction (a grid worker reporting, 网格员上报), or the system. An order for a household is placed in the
    /// household's unit today.
    /// </summary>
    /// <param name="actor">Who files it (capability <c>workorders.file</c>).</param>
    /// <param name="draft">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not file an order at the unit.</exception>
    /// <exception cref="EntityNotFoundException">The household or unit does not exist.</exception>
    /// <exception cref="GridGovernanceValidationException">The draft names neither a unit nor a household, or a field breaks the
    /// <see cref="InputPolicy"/> (a text too long or holding a refused character, an undefined channel or urgency, an unknown location);
    /// every problem is listed and nothing is stored.</exception>
    public Task<WorkOrder> FileAsync(Actor actor, WorkOrderDraft draft, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(draft);
        WorkOrderDraftValidator.Validate(draft);
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
            var id = new WorkOrderId((latest?.Id.Value ?? 0) + 1);
            // The new order, not yet stored, is the subject of its own filing (it sits at the unit, filed by the actor): a
            // refusal discards it and stores nothing.
            var order = WorkOrder.File(id, draft, AuditActor(actor), unit, clock.GetCurrentInstant());
            await authority.DemandAsync(actor, Capabilities.FileOrder, order, today, cancellationToken).ConfigureAwait(false);
            await orders.AddAsync(order, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            GridGovernanceTelemetry.OrdersFiled.Add(1);
            logger.WorkOrderFiled(order.Id, unit, actor);
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
    /// <param name="actor">Who sorts it (capability <c>workorders.triage</c>): by default the secretary or grid head of a
    /// unit with the filing unit in its jurisdiction (the responsible unit is what triage decides).</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not triage it.</exception>
    public Task<WorkOrder> TriageAsync(Actor actor, WorkOrderId order, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Triage, Capabilities.TriageOrder, async (o, today, at) =>
        {
            var triageClass = Policy.Triage.Classify(o.Category, o.Urgency);
            var unit = await UnitOfLevelAsync(o.Unit, triageClass.Level, today, cancellationToken).ConfigureAwait(false);
            o.Triage(triageClass, unit, Limits, Policy.ReminderWorkingDays, AuditActor(actor), at);
        }, cancellationToken);

    /// <summary>
    /// A cadre takes the order (干部领单) in a post with the order in its jurisdiction; the first to take it is its
    /// first responder (首问责任).
    /// </summary>
    /// <param name="actor">Who takes it (capability <c>workorders.claim</c>); a member acting in a post, who becomes the handler.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not claim it.</exception>
    /// <exception cref="GridGovernanceValidationException">A table that lets a non-member claim was configured: only a member can handle an order.</exception>
    public Task<WorkOrder> ClaimAsync(Actor actor, WorkOrderId order, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Claim, Capabilities.ClaimOrder, (o, _, at) =>
        {
            Preconditions.CheckArgument(actor.IsMember, nameof(actor), $"Only a member can handle an order; {actor} is not one.");
            o.Claim(actor.MemberId, AuditActor(actor), at);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Hands the order to a unit (转办): the unit becomes responsible and its cadres claim it again (the order goes
    /// back to <see cref="WorkOrderStatus.Triaged"/>); the handler is released, the first responder stays accountable
    /// and the time limit runs on. The target may be the unit already responsible (the handler gives it back).
    /// </summary>
    /// <param name="actor">Who hands it on (capability <c>workorders.transfer</c>), with the order in their jurisdiction.</param>
    /// <param name="order">The order.</param>
    /// <param name="to">The unit it goes to; it must be within the actor's jurisdiction too.</param>
    /// <param name="note">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not transfer it, or not to <paramref name="to"/>.</exception>
    /// <exception cref="EntityNotFoundException">The unit does not exist.</exception>
    public Task<WorkOrder> TransferAsync(Actor actor, WorkOrderId order, OrgUnitId to, string? note = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(to.IsSpecified, nameof(to), "to must be a real unit id, not default.");
        return ChangeAsync(actor, order, WorkOrderCommand.Transfer, Capabilities.TransferOrder, async (o, today, at) =>
        {
            await authority.DemandAsync(actor, Capabilities.TransferOrder, new AuthoritySubject(o.Id + "/to") { Node = to, Filer = o.FiledBy.Value }, today,
                cancellationToken).ConfigureAwait(false);
            var unit = await organisation.GetUnitAsync(to, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(unit.IsOpenOn(today), ErrorCodes.UnitClosed, $"{to} ({unit.Name}) is not open on {today:yyyy-MM-dd}.");
            o.Transfer(to, AuditActor(actor), note, at);
        }, cancellationToken, ("note", note));
    }

    /// <summary>Records a supervision (社区督单) with the order in the actor's jurisdiction.</summary>
    /// <param name="actor">Who supervises (capability <c>workorders.supervise</c>).</param>
    /// <param name="order">The order.</param>
    /// <param name="note">What was asked or found.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not supervise it.</exception>
    public Task<WorkOrder> SuperviseAsync(Actor actor, WorkOrderId order, string note, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Supervise, Capabilities.SuperviseOrder, (o, _, at) =>
        {
            o.Supervise(actor.Kind == ActorKind.Post ? actor.Unit : o.ResponsibleUnit, note, AuditActor(actor), at);
            return Task.CompletedTask;
        }, cancellationToken, ("note", note));

    /// <summary>
    /// Escalates the order one level up the responsibility chain (<see cref="IEscalationPath"/>) because the level
    /// cannot solve it; the order gets a new limit of <see cref="WorkOrderPolicy.EscalationWorkingDays"/>.
    /// </summary>
    /// <param name="actor">Who escalates it (capability <c>workorders.escalate</c>), with the order in their jurisdiction.</param>
    /// <param name="order">The order.</param>
    /// <param name="note">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not escalate it.</exception>
    public async Task<WorkOrder> EscalateAsync(Actor actor, WorkOrderId order, string? note = null, CancellationToken cancellationToken = default)
    {
        var escalated = await ChangeAsync(actor, order, WorkOrderCommand.Escalate, Capabilities.EscalateOrder,
            (o, today, at) => EscalateOneAsync(o, AuditActor(actor), note, today, at, cancellationToken), cancellationToken, ("note", note)).ConfigureAwait(false);
        GridGovernanceTelemetry.OrdersEscalated.Add(1);
        logger.WorkOrderEscalated(escalated.Id, escalated.ResponsibleUnit, actor);
        return escalated;
    }

    /// <summary>
    /// 吹哨: a community or street summons departments; each must report within its own limit and its part is tracked
    /// to its own resolution.
    /// </summary>
    /// <param name="actor">Who blows the whistle (capability <c>workorders.whistle</c>): by default the secretary of a
    /// unit of the schema's <see cref="HierarchySchema.WhistleKinds"/> (by default a community, street, town or district) with the
    /// order in its jurisdiction, by the unit's kind on the day. A post on any other kind of unit (a grid) is
    /// refused with <see cref="ErrorCodes.WorkOrderOutsideJurisdiction"/>.</param>
    /// <param name="order">The order.</param>
    /// <param name="summons">The departments and their limits.</param>
    /// <param name="note">A note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not whistle on it.</exception>
    /// <exception cref="GridGovernanceValidationException">No summons; a department that is not a code, or not one of the
    /// policy's <see cref="WorkOrderPolicy.Departments"/> when it lists them (<see cref="ErrorCodes.WorkOrderDepartmentNotConfigured"/>);
    /// a limit outside 1 to 3,650 working days. Checked before the order is read; nothing changes.</exception>
    public Task<WorkOrder> WhistleAsync(Actor actor, WorkOrderId order, IReadOnlyList<DepartmentSummons> summons, string? note = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(summons);
        CheckSummons(summons);
        return ChangeAsync(actor, order, WorkOrderCommand.Whistle, Capabilities.WhistleOrder, async (o, today, at) =>
        {
            if (actor.Kind == ActorKind.Post)
            {
                var unit = await organisation.FindUnitAsync(actor.Unit, cancellationToken).ConfigureAwait(false);
                var kind = unit?.KindOn(today);
                var schema = organisation.Schema;
                Preconditions.CheckState(kind is UnitKind k && schema.MayWhistle(k),
                    ErrorCodes.WorkOrderOutsideJurisdiction,
                    $"Only a unit of the kinds {string.Join(", ", schema.WhistleKinds.Select(w => w.Code).Order(StringComparer.Ordinal))} blows the whistle under the '{schema.Name}' schema (镇街吹哨); {actor.Unit} is a {kind?.ToString() ?? "unit that is not open"} on {today:yyyy-MM-dd}.");
            }
            o.Whistle(summons, Limits, AuditActor(actor), note, at);
        }, cancellationToken, ("note", note));
    }

    /// <summary>A summoned department reports (报到), through one of its officers.</summary>
    /// <param name="officer">The officer (<see cref="Actor.Officer"/>; capability <c>workorders.department-report</c>):
    /// their department must be summoned on the order.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor is not an officer of a department summoned on the order.</exception>
    public Task<WorkOrder> AcknowledgePartAsync(Actor officer, WorkOrderId order, CancellationToken cancellationToken = default) =>
        ChangeAsync(officer, order, WorkOrderCommand.AcknowledgePart, Capabilities.DepartmentReport, (o, _, at) =>
        {
            o.AcknowledgePart(DepartmentOf(officer), AuditActor(officer), at);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A summoned department finished its part, through one of its officers.</summary>
    /// <param name="officer">The officer (<see cref="Actor.Officer"/>; capability <c>workorders.department-report</c>).</param>
    /// <param name="order">The order.</param>
    /// <param name="evidence">What it did.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor is not an officer of a department summoned on the order.</exception>
    public Task<WorkOrder> ResolvePartAsync(Actor officer, WorkOrderId order, string evidence, CancellationToken cancellationToken = default) =>
        ChangeAsync(officer, order, WorkOrderCommand.ResolvePart, Capabilities.DepartmentReport, (o, _, at) =>
        {
            o.ResolvePart(DepartmentOf(officer), evidence, AuditActor(officer), at);
            return Task.CompletedTask;
        }, cancellationToken, ("evidence", evidence));

    /// <summary>
    /// Resolves the order with evidence, by a cadre in a post with the order in its jurisdiction. When the policy names
    /// a points item, the resolving member is awarded it (once per order) in the same unit of work: either the order is
    /// resolved and the award recorded, or nothing changed.
    /// </summary>
    /// <remarks>
    /// The award is keyed <c>work-order:&lt;id&gt;</c>. An order resolved again after a reopening, on another day or by
    /// another member, finds the award already stored under the key and records nothing more (never an idempotency
    /// conflict). A resolver who may not receive it (not on the roster on the day) refuses the whole resolution.
    /// </remarks>
    /// <param name="actor">Who resolved it (capability <c>workorders.resolve</c>).</param>
    /// <param name="order">The order.</param>
    /// <param name="evidence">The evidence.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not resolve it.</exception>
    /// <exception cref="GridGovernanceException">The award is refused (<c>points.*</c>, <c>hierarchy.not-on-roster</c>); the order was not resolved.</exception>
    public Task<WorkOrder> ResolveAsync(Actor actor, WorkOrderId order, string evidence, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Resolve, Capabilities.ResolveOrder, async (o, _, at) =>
        {
            o.Resolve(evidence, AuditActor(actor), at);
            if (Policy.PointsAward is { } award && actor.IsMember)
            {
                string key = "work-order:" + order.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (await ledger.FindAwardAsync(key, cancellationToken).ConfigureAwait(false) is null)
                {
                    var request = new LedgerEntryRequest
                    {
                        Member = actor.MemberId,
                        ItemCode = award.ItemCode,
                        OccurredOn = o.Resolution!.At.InZone(options.TimeZone).Date,
                        IdempotencyKey = key,
                        Evidence = order.ToString(),
                    };
                    var staged = (await ledger.StageAwardsAsync(Authority.Actor.System("work-orders"), award.RuleBook, LedgerSource.WorkOrder, [request], newFact: true, cancellationToken).ConfigureAwait(false))[0];
                    if (staged.Entry is null)
                    {
                        throw staged.Refusal!;
                    }
                }
            }
        }, cancellationToken, ("evidence", evidence));

    /// <summary>
    /// The one who filed the order rates its resolution; an unsatisfied rating reopens it (up to the policy's maximum).
    /// A member who claimed or resolved the order may not rate it, even when they filed it.
    /// </summary>
    /// <param name="actor">Who rates (capability <c>workorders.rate</c>): the resident (<see cref="Actor.Resident"/>) or
    /// member in person (<see cref="Actor.Member(MemberId)"/>) who filed it, never a handler.</param>
    /// <param name="order">The order.</param>
    /// <param name="satisfied">Whether they are satisfied.</param>
    /// <param name="comment">A comment, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor did not file the order, or handled it.</exception>
    public Task<WorkOrder> RateAsync(Actor actor, WorkOrderId order, bool satisfied, string? comment = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Rate, Capabilities.RateOrder, (o, _, at) =>
        {
            o.Rate(satisfied, comment, AuditActor(actor), Limits, Policy, at);
            return Task.CompletedTask;
        }, cancellationToken, ("comment", comment));

    /// <summary>Closes the order (办结) by a cadre with it in their jurisdiction.</summary>
    /// <param name="actor">Who closes it (capability <c>workorders.close</c>).</param>
    /// <param name="order">The order.</param>
    /// <param name="note">A note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not close it.</exception>
    public Task<WorkOrder> CloseAsync(Actor actor, WorkOrderId order, string? note = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.Close, Capabilities.CloseOrder, (o, _, at) =>
        {
            o.Close(AuditActor(actor), note, at);
            return Task.CompletedTask;
        }, cancellationToken, ("note", note));

    /// <summary>Attaches the record of a residents' deliberation (周末议事厅) on a disputed matter.</summary>
    /// <param name="actor">Who records it (capability <c>workorders.close</c>, whose row covers 周末议事厅), with the order in their jurisdiction.</param>
    /// <param name="order">The order.</param>
    /// <param name="deliberation">The record.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ForbiddenException">The actor may not record it.</exception>
    public Task<WorkOrder> RecordDeliberationAsync(Actor actor, WorkOrderId order, DeliberationRecord deliberation, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, order, WorkOrderCommand.RecordDeliberation, Capabilities.CloseOrder, (o, _, at) =>
        {
            o.RecordDeliberation(deliberation, AuditActor(actor), at);
            return Task.CompletedTask;
        }, cancellationToken, ("deliberation.Outcome", deliberation?.Outcome));

    /// <summary>
    /// Sends the reminders that are due now (the limit is near): one transition per order, saved together. A reminder
    /// is a 催办, so the actor needs <c>workorders.supervise</c> on every order due; the scheduler passes the system,
    /// <c>Actor.System("work-order-scan")</c>, which the default table allows.
    /// </summary>
    /// <param name="actor">Who sends them, normally <see cref="Actor.System"/>; stored in each order's audit trail.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The orders reminded, by id.</returns>
    /// <exception cref="ForbiddenException">The actor may not remind about one of the orders due; none is reminded.</exception>
    public Task<ImmutableArray<WorkOrder>> SendRemindersAsync(Actor actor, CancellationToken cancellationToken = default) =>
        ScanAsync(actor, Capabilities.SuperviseOrder, now => new WorkOrdersDueForReminder(now), (o, _, at) =>
        {
            o.Remind(AuditActor(actor), at);
            return Task.FromResult(true);
        }, cancellationToken);

    /// <summary>
    /// Escalates every overdue order one level up the responsibility chain, with a new limit; an order already at the
    /// top of the chain stays where it is (it is still reported overdue). Saved together. The actor needs
    /// <c>workorders.escalate</c> on every overdue order; the scheduler passes the system, <c>Actor.System("work-order-scan")</c>.
    /// </summary>
    /// <param name="actor">Who escalates, normally <see cref="Actor.System"/>; stored in each order's audit trail.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The orders escalated, by id.</returns>
    /// <exception cref="ForbiddenException">The actor may not escalate one of the overdue orders; none is escalated.</exception>
    public async Task<ImmutableArray<WorkOrder>> EscalateOverdueAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        int overdue = 0;
        var escalated = await ScanAsync(actor, Capabilities.EscalateOrder, now => new OverdueWorkOrders(now), async (o, today, at) =>
        {
            overdue++;
            var next = await escalation.NextAsync(o.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false);
            if (next is not OrgUnitId up)
            {
                return false;
            }
            o.Escalate(up, Limits, Policy, AuditActor(actor), "overdue", at);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        // Counted once the scan is saved; a scan retried after a conflict handles its orders again.
        GridGovernanceTelemetry.OrdersOverdue.Add(overdue);
        GridGovernanceTelemetry.OrdersEscalated.Add(escalated.Length);
        logger.OverdueScanned(escalated.Length, overdue);
        return escalated;
    }

    /// <summary>The report: open and overdue counts by grid, community and street, time to close, satisfaction rate; as of now.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<WorkOrderReport> ReportAsync(CancellationToken cancellationToken = default)
    {
        var index = await organisation.BuildIndexAsync(Today, cancellationToken).ConfigureAwait(false);
        var all = await orders.ListAsync(cancellationToken).ConfigureAwait(false);
        return WorkOrderReport.Compute(all, index, organisation.Schema, clock.GetCurrentInstant());
    }

    /// <summary>
    /// The public board (公开晒单) of the orders filed or closed from <paramref name="from"/> to <paramref name="to"/>, masked,
    /// with categories from the policy's <see cref="TriagePolicy.Categories"/> (see <see cref="PublicBoard.Entry"/>).
    /// </summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="to"/> is before <paramref name="from"/> (code <c>input.reversed-range</c>).</exception>
    public async Task<ImmutableArray<PublicBoardEntry>> BoardAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckDateRange(from, to);
        var zone = options.TimeZone;
        var found = await orders.ListAsync(new WorkOrdersFiledOrClosedBetween(StartOfDay(zone, from), to == LocalDate.MaxIsoValue ? Instant.MaxValue : StartOfDay(zone, to.PlusDays(1))),
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
        return PublicBoard.Entries(found, from, to, zone, names, Policy.Triage);
    }


    private static WorkOrderActor AuditActor(Actor actor) => new(actor.AuditName);

    private static string DepartmentOf(Actor officer)
    {
        Preconditions.CheckArgument(officer.Kind == ActorKind.DepartmentOfficer, nameof(officer), $"A department reports through one of its officers (Actor.Officer); {officer} is not one.");
        return officer.Department!;
    }

    /// <summary>
    /// The order as the authority rules see it: the order itself (it answers as an <see cref="IAuthoritySubject"/>,
    /// so deciding a step allocates nothing). Triage sits at the filing unit, which is the responsible unit until
    /// triage decides it; everything else at the responsible unit. The members who claimed or resolved it are its
    /// handlers for rating only (<see cref="WorkOrderRatingSubject"/>): a handler may go on to resolve, supervise or
    /// close in a post, but never rate their own work.
    /// </summary>
    internal static IAuthoritySubject SubjectOf(WorkOrder order, Capability capability)
    {
        if (capability == Capabilities.RateOrder)
        {
            return new WorkOrderRatingSubject(order);
        }
        if (capability == Capabilities.TriageOrder && order.Unit != order.ResponsibleUnit)
        {
            // Not reached while triage is only allowed from Filed (the two units are one until triage), but the rule is
            // the filing unit's, whatever the table allows.
            return new AuthoritySubject(order.Id.ToString()) { Node = order.Unit, Filer = order.FiledBy.Value };
        }
        return order;
    }

    private async Task EscalateOneAsync(WorkOrder order, WorkOrderActor actor, string? note, LocalDate today, Instant at, CancellationToken cancellationToken)
    {
        var next = await escalation.NextAsync(order.ResponsibleUnit, today, cancellationToken).ConfigureAwait(false)
            ?? throw new GridGovernanceException(ErrorCodes.WorkOrderNoEscalationPath, $"{order.ResponsibleUnit} has nothing above it on {today:yyyy-MM-dd}; {order.Id} cannot go further up.");
        order.Escalate(next, Limits, Policy, actor, note, at);
    }

    /// <summary>
    /// The unit at <paramref name="level"/> (by the schema's <see cref="HierarchySchema.LevelOf"/>, with each unit's kind
    /// on <paramref name="today"/>) on the path up from <paramref name="from"/>, or <paramref name="from"/> when there is none.
    /// For the grid level, the outermost grid unit of the path (a grid under a grid is part of it).
    /// </summary>
    private async Task<OrgUnitId> UnitOfLevelAsync(OrgUnitId from, HandlingLevel level, LocalDate today, CancellationToken cancellationToken)
    {
        var wanted = level switch
        {
            HandlingLevel.Grid => UnitLevel.Grid,
            HandlingLevel.Community => UnitLevel.Community,
            HandlingLevel.Street => UnitLevel.Street,
            _ => UnitLevel.District,
        };
        var schema = organisation.Schema;
        OrgUnitId? current = from;
        OrgUnitId? outermostGrid = null;
        for (int steps = 0; current is OrgUnitId id && steps < 1_000; steps++)
        {
            var unit = await organisation.FindUnitAsync(id, cancellationToken).ConfigureAwait(false);
            if (unit is null)
            {
                break;
            }
            var levelOfUnit = unit.KindOn(today) is UnitKind kind ? schema.LevelOf(kind) : null;
            if (levelOfUnit == UnitLevel.Grid && wanted == UnitLevel.Grid)
            {
                // A grid unit under another grid unit is part of that grid: the matter goes to the outermost one.
                outermostGrid = id;
            }
            else if (outermostGrid is OrgUnitId grid)
            {
                return grid;
            }
            else if (levelOfUnit == wanted)
            {
                return id;
            }
            current = unit.TryGetParentOn(today, out var parent) ? parent : null;
        }
        return outermostGrid ?? from;
    }

    /// <summary>
    /// Loads the order, refuses <paramref name="command"/> if the transition table has no row for it in the order's
    /// state, demands <paramref name="capability"/> of the actor on the order, applies the change and saves once.
    /// </summary>
    private Task<WorkOrder> ChangeAsync(Actor actor, WorkOrderId id, WorkOrderCommand command, Capability capability, Func<WorkOrder, LocalDate, Instant, Task> change,
        CancellationToken cancellationToken, params ReadOnlySpan<(string Field, string? Text)> texts)
    {
        Preconditions.CheckNotNull(actor);
        // The command's own texts (notes, evidence, a comment) pass the input policy before anything is read or changed;
        // a blank required text is still the aggregate's refusal.
        InputPolicy.CheckFreeTexts("The work-order command", texts);
        return WriteAsync(async () =>
        {
            var order = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            var at = clock.GetCurrentInstant();
            var today = at.InZone(options.TimeZone).Date;
            order.CheckAllows(command, AuditActor(actor));
            await authority.DemandAsync(actor, capability, SubjectOf(order, capability), today, cancellationToken).ConfigureAwait(false);
            await change(order, today, at).ConfigureAwait(false);
            await orders.UpdateAsync(order, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return order;
        }, cancellationToken);
    }

    /// <summary>
    /// Applies an automatic step to every order the specification finds due. The actor's authority is demanded on each
    /// before the first change, so a refusal leaves every order as it was; an actor not in a post (the system, or anyone
    /// the table refuses outright) is also asked once on the scan itself, so a refusal does not depend on what is due.
    /// </summary>
    private Task<ImmutableArray<WorkOrder>> ScanAsync(Actor actor, Capability capability, Func<Instant, Specifications.ISpecification<WorkOrder>> due,
        Func<WorkOrder, LocalDate, Instant, Task<bool>> change, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(actor);
        return WriteAsync(async () =>
        {
            var at = clock.GetCurrentInstant();
            var today = at.InZone(options.TimeZone).Date;
            var changed = ImmutableArray.CreateBuilder<WorkOrder>();
            if (actor.Kind != ActorKind.Post)
            {
                await authority.DemandAsync(actor, capability, new AuthoritySubject("workorders:scan"), today, cancellationToken).ConfigureAwait(false);
            }
            var found = await orders.ListAsync(due(at), cancellationToken).ConfigureAwait(false);
            foreach (var order in found)
            {
                await authority.DemandAsync(actor, capability, SubjectOf(order, capability), today, cancellationToken).ConfigureAwait(false);
            }
            foreach (var order in found)
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
    }

    private Task<T> WriteAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, attempt, cancellationToken, logger);

    /// <summary>The first instant of a day, clamped to the instants NodaTime can hold (for <c>LocalDate.MinIsoValue</c> and <c>MaxIsoValue</c>).</summary>
    private static Instant StartOfDay(DateTimeZone zone, LocalDate date)
    {
        try
        {
            return zone.AtStartOfDay(date).ToInstant();
        }
        catch (OverflowException)
        {
            // Only at the ends of the calendar, east or west of UTC: nothing lies beyond them.
            return date.Year < 0 ? Instant.MinValue : Instant.MaxValue;
        }
    }
}
