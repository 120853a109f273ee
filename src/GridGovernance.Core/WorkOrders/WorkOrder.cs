using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// A work order (工单): one matter a resident raised, through Laiwu's 四单 loop — 群众下单 (filed) → 干部领单 (claimed)
/// → 社区督单 (supervised) → 公开晒单 (published on the <see cref="PublicBoard"/>) — with 三事分流 triage, time limits in
/// working days, escalation, 吹哨报到 (departments summoned, each part tracked to its own resolution), the resident's
/// rating, reopening and 周末议事厅 deliberation records.
/// </summary>
/// <remarks>
/// <para>
/// Every change is one row of <see cref="WorkOrderWorkflow.Transitions"/>: it appends one <see cref="WorkOrderAuditRecord"/>
/// to <see cref="Audit"/> and raises one <see cref="WorkOrderEvent"/>. A command the table does not allow throws
/// <see cref="IllegalTransitionException"/>; a command that breaks another rule (a stranger rating, resolving with a
/// department's part open) throws <see cref="GridGovernanceException"/>. Either way every check runs before anything
/// changes, so a refused command leaves no record and no change.
/// </para>
/// <para>
/// 首问责任: the first official to take the order is <see cref="FirstResponder"/> for good; transfers change only
/// <see cref="Handler"/>. Jurisdiction (only units that have the order in their jurisdiction may claim, supervise,
/// whistle or close it) needs the hierarchy, so the state changes are driven by <see cref="WorkOrderService"/>.
/// </para>
/// </remarks>
[Mutable]
public sealed class WorkOrder : AggregateRoot<WorkOrderId>, Authority.IAuthoritySubject
{
    private WorkOrder(WorkOrderId id, WorkOrderDraft draft, WorkOrderActor filedBy, OrgUnitId unit, Instant filedAt)
        : base(id)
    {
        Category = draft.Category.Trim();
        Description = draft.Description;
        Channel = draft.Channel;
        Urgency = draft.Urgency;
        FiledBy = filedBy;
        FilerName = draft.FilerName;
        FilerPhone = draft.FilerPhone;
        Household = draft.Household;
        Location = draft.Location;
        Address = draft.Address;
        Unit = unit;
        ResponsibleUnit = unit;
        FiledAt = filedAt;
        Status = WorkOrderWorkflow.InitialStatus;
    }

    /// <summary>The category code.</summary>
    public string Category { get; }

    /// <summary>The resident's description; never shown on the public board.</summary>
    public string Description { get; }

    /// <summary>How it came in.</summary>
    public WorkOrderChannel Channel { get; }

    /// <summary>How pressing it is.</summary>
    public WorkOrderUrgency Urgency { get; }

    /// <summary>Who filed it; only this actor may rate it.</summary>
    public WorkOrderActor FiledBy { get; }

    /// <summary>The filer's name, or <c>null</c> (masked on the board).</summary>
    public string? FilerName { get; }

    /// <summary>The filer's phone, or <c>null</c> (masked on the board).</summary>
    public string? FilerPhone { get; }

    /// <summary>The household concerned, or <c>null</c>.</summary>
    public HouseholdId? Household { get; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; }

    /// <summary>The address or landmark, or <c>null</c> (shown without numbers on the board).</summary>
    public string? Address { get; }

    /// <summary>
    /// The unit where it happened (the grid, or the household's unit); reports count it there. When that unit closes in a
    /// merge, split or close, it is the successor that took the place over (<see cref="WorkOrderCommand.FollowSuccessor"/>).
    /// </summary>
    public OrgUnitId Unit { get; private set; }

    /// <summary>When it was filed.</summary>
    public Instant FiledAt { get; }

    /// <summary>Where it stands.</summary>
    public WorkOrderStatus Status { get; private set; }

    /// <summary>The triage class, or <c>null</c> before triage.</summary>
    public TriageClass? Class { get; private set; }

    /// <summary>The level handling it now (the class's level, raised by escalations).</summary>
    public HandlingLevel Level { get; private set; }

    /// <summary>The unit responsible now: the filing unit, the unit of the class's level after triage, one up after each escalation.</summary>
    public OrgUnitId ResponsibleUnit { get; private set; }

    /// <summary>The end of the current time limit, or <c>null</c> before triage.</summary>
    public Instant? DueAt { get; private set; }

    /// <summary>When to remind about the current limit, or <c>null</c> (none, or already reminded).</summary>
    public Instant? RemindAt { get; private set; }

    /// <summary>How many times it was escalated.</summary>
    public int Escalations { get; private set; }

    /// <summary>The first member who took it (首问责任); stays after transfers. <c>null</c> until claimed.</summary>
    public MemberId? FirstResponder { get; private set; }

    /// <summary>The member handling it now, or <c>null</c> (not yet claimed, or transferred to a unit and not claimed again).</summary>
    public MemberId? Handler { get; private set; }

    /// <summary>The summoned departments' parts, in summons order.</summary>
    public ImmutableArray<DepartmentPart> Parts { get; private set; } = [];

    /// <summary>The latest resolution, or <c>null</c>.</summary>
    public WorkOrderResolution? Resolution { get; private set; }

    /// <summary>The resident's ratings, oldest first (one per resolution rated).</summary>
    public ImmutableArray<WorkOrderRating> Ratings { get; private set; } = [];

    /// <summary>How many times an unsatisfied rating reopened it.</summary>
    public int Reopens { get; private set; }

    /// <summary>When it was closed, or <c>null</c>.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>Deliberation records (周末议事厅), oldest first.</summary>
    public ImmutableArray<DeliberationRecord> Deliberations { get; private set; } = [];

    /// <summary>The audit trail: the filing and every transition, in order.</summary>
    public ImmutableArray<WorkOrderAuditRecord> Audit { get; private set; } = [];

    /// <summary>
    /// As the subject of a command on it (<see cref="Authority.IAuthoritySubject"/>), the order answers the authority
    /// rules from its own state, so deciding a command allocates nothing: it sits at its responsible unit (before
    /// triage, the unit it was filed at), its filer is the resident or member who filed it, the departments summoned
    /// are its parts' departments. It names no handlers: only a rating asks who handled the order, through
    /// <see cref="WorkOrderRatingSubject"/>.
    /// </summary>
    string Authority.IAuthoritySubject.Label => Id.ToString();

    /// <inheritdoc />
    Organisation.NodeRef? Authority.IAuthoritySubject.Node => ResponsibleUnit;

    /// <inheritdoc />
    MemberId? Authority.IAuthoritySubject.Owner => null;

    /// <inheritdoc />
    string? Authority.IAuthoritySubject.Filer => FiledBy.Value;

    /// <inheritdoc />
    bool Authority.IAuthoritySubject.HasHandled(MemberId member) => false;

    /// <inheritdoc />
    bool Authority.IAuthoritySubject.HasSummoned(string department)
    {
        foreach (var part in Parts.AsSpan())
        {
            if (string.Equals(part.Department, department, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether it still needs work (see <see cref="WorkOrderWorkflow.IsOpen"/>).</summary>
    public bool IsOpen => WorkOrderWorkflow.IsOpen(Status);

    /// <summary>The last rating's verdict, or <c>null</c> when never rated.</summary>
    public bool? Satisfied => Ratings.IsEmpty ? null : Ratings[^1].Satisfied;

    /// <summary>Whether it is open and its limit has passed at <paramref name="now"/>.</summary>
    /// <param name="now">The instant to judge at.</param>
    public bool IsOverdueAt(Instant now) => IsOpen && DueAt is Instant due && WorkOrderTimeLimits.IsOverdue(due, now);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Category} at {ResponsibleUnit} ({Status})";

    /// <summary>Files an order (群众下单) for <paramref name="filedBy"/>.</summary>
    internal static WorkOrder File(WorkOrderId id, WorkOrderDraft draft, WorkOrderActor filedBy, OrgUnitId unit, Instant at)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real work-order id, not default.");
        Preconditions.CheckNotNull(draft);
        Preconditions.CheckNotBlank(draft.Category, nameof(draft) + "." + nameof(draft.Category));
        Preconditions.CheckArgument(draft.Category.Trim().Length <= 50, nameof(draft) + "." + nameof(draft.Category), "Category must be at most 50 characters.");
        Preconditions.CheckNotBlank(draft.Description, nameof(draft) + "." + nameof(draft.Description));
        if (!Enum.IsDefined(draft.Channel))
        {
            throw Preconditions.InvalidInput(nameof(draft) + "." + nameof(draft.Channel), ErrorCodes.UndefinedEnum, $"Channel {draft.Channel} is not defined.");
        }
        if (!Enum.IsDefined(draft.Urgency))
        {
            throw Preconditions.InvalidInput(nameof(draft) + "." + nameof(draft.Urgency), ErrorCodes.UndefinedEnum, $"Urgency {draft.Urgency} is not defined.");
        }
        Preconditions.CheckArgument(filedBy.Value is not null, nameof(filedBy), "filedBy must be set.");
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        var order = new WorkOrder(id, draft, filedBy, unit, at);
        order.Audit = [new WorkOrderAuditRecord(1, WorkOrderCommand.File, null, order.Status, filedBy, at, null)];
        order.Raise(new WorkOrderFiled(id, filedBy, at, order.Category, unit, draft.Channel));
        return order;
    }

    /// <summary>Sorts it into a class (三事分流) and starts its time limit.</summary>
    internal void Triage(TriageClass triageClass, OrgUnitId responsibleUnit, WorkOrderTimeLimits limits, int reminderWorkingDays, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.Triage, actor, at);
        Preconditions.CheckNotNull(triageClass);
        Preconditions.CheckSpecified(responsibleUnit.IsSpecified, nameof(responsibleUnit), "responsibleUnit must be a real unit id, not default.");
        var (due, remind) = limits.Schedule(at, triageClass.TimeLimitWorkingDays, reminderWorkingDays);
        Class = triageClass;
        Level = triageClass.Level;
        ResponsibleUnit = responsibleUnit;
        DueAt = due;
        RemindAt = remind;
        Apply(WorkOrderCommand.Triage, to, actor, at, triageClass.Code, new WorkOrderTriaged(Id, actor, at, triageClass.Code, Level, responsibleUnit, due));
    }

    /// <summary>A member takes it (干部领单); the first one becomes the first responder (首问责任).</summary>
    internal void Claim(MemberId member, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.Claim, actor, at);
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Handler = member;
        FirstResponder ??= member;
        Apply(WorkOrderCommand.Claim, to, actor, at, null, new WorkOrderClaimed(Id, actor, at, member, FirstResponder.Value));
    }

    /// <summary>
    /// Hands it to a unit (转办): the unit becomes responsible and its cadres claim it again; the handler is released,
    /// the first responder stays accountable, and the time limit runs on.
    /// </summary>
    internal void Transfer(OrgUnitId toUnit, WorkOrderActor actor, string? note, Instant at)
    {
        var next = Check(WorkOrderCommand.Transfer, actor, at);
        Preconditions.CheckSpecified(toUnit.IsSpecified, nameof(toUnit), "toUnit must be a real unit id, not default.");
        var handler = Handler ?? throw new InvalidOperationException("A claimed order always has a handler.");
        var from = ResponsibleUnit;
        ResponsibleUnit = toUnit;
        Handler = null;
        Apply(WorkOrderCommand.Transfer, next, actor, at, note, new WorkOrderTransferred(Id, actor, at, handler, from, toUnit, FirstResponder!.Value));
    }

    /// <summary>Records a supervision (社区督单).</summary>
    internal void Supervise(OrgUnitId unit, string note, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.Supervise, actor, at);
        Preconditions.CheckNotBlank(note);
        Apply(WorkOrderCommand.Supervise, to, actor, at, note, new WorkOrderSupervised(Id, actor, at, unit, note));
    }

    /// <summary>Records the reminder of the current limit; only once per limit and only from <see cref="RemindAt"/>.</summary>
    internal void Remind(WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.Remind, actor, at);
        if (RemindAt is not Instant remind || at < remind)
        {
            throw new GridGovernanceException(ErrorCodes.WorkOrderNotDue,
                RemindAt is null ? $"{Id} has no reminder pending." : $"{Id} is not due for a reminder until {RemindAt}.");
        }
        var due = DueAt!.Value;
        RemindAt = null;
        Apply(WorkOrderCommand.Remind, to, actor, at, null, new WorkOrderReminded(Id, actor, at, due, Handler));
    }

    /// <summary>Moves it one level up to <paramref name="toUnit"/> with a new limit.</summary>
    internal void Escalate(OrgUnitId toUnit, WorkOrderTimeLimits limits, WorkOrderPolicy policy, WorkOrderActor actor, string? note, Instant at)
    {
        var to = Check(WorkOrderCommand.Escalate, actor, at);
        Preconditions.CheckSpecified(toUnit.IsSpecified, nameof(toUnit), "toUnit must be a real unit id, not default.");
        if (toUnit == ResponsibleUnit)
        {
            throw new GridGovernanceException(ErrorCodes.WorkOrderNoEscalationPath, $"{Id} is already at {toUnit}; an escalation must go up.");
        }
        var (due, remind) = limits.Schedule(at, policy.EscalationWorkingDays, policy.ReminderWorkingDays);
        var from = ResponsibleUnit;
        ResponsibleUnit = toUnit;
        Level = Level == HandlingLevel.District ? HandlingLevel.District : Level + 1;
        Escalations++;
        DueAt = due;
        RemindAt = remind;
        Apply(WorkOrderCommand.Escalate, to, actor, at, note, new WorkOrderEscalated(Id, actor, at, from, toUnit, Level, due));
    }

    /// <summary>
    /// Follows a restructure (机构调整): the filing unit and the responsible unit, where they closed, become their
    /// successors. Status, limits, handler and first responder stay.
    /// </summary>
    internal void FollowSuccessor(OrgUnitId unit, OrgUnitId responsibleUnit, WorkOrderActor actor, string note, Instant at)
    {
        var to = Check(WorkOrderCommand.FollowSuccessor, actor, at);
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Preconditions.CheckSpecified(responsibleUnit.IsSpecified, nameof(responsibleUnit), "responsibleUnit must be a real unit id, not default.");
        var (fromUnit, fromResponsible) = (Unit, ResponsibleUnit);
        Unit = unit;
        ResponsibleUnit = responsibleUnit;
        Apply(WorkOrderCommand.FollowSuccessor, to, actor, at, note,
            new WorkOrderFollowedSuccessor(Id, actor, at, fromUnit, unit, fromResponsible, responsibleUnit));
    }

    /// <summary>
    /// Releases the handler after a restructure left them without a post over the order (Whistled, Resolved, Rated,
    /// Reopened): the order keeps its state and responsible unit, with no handler; the first responder stays.
    /// </summary>
    internal void ReleaseHandler(WorkOrderActor actor, string note, Instant at)
    {
        var to = Check(WorkOrderCommand.ReleaseHandler, actor, at);
        // Only a restructure releases, and only a handler it found: an order without one has nothing to release.
        var handler = Handler ?? throw new GridGovernanceException(ErrorCodes.WorkOrderIllegalTransition, $"{Id} has no handler to release.");
        Handler = null;
        Apply(WorkOrderCommand.ReleaseHandler, to, actor, at, note, new WorkOrderHandlerReleased(Id, actor, at, handler, ResponsibleUnit));
    }

    /// <summary>The instant a change at <paramref name="now"/> is recorded at: never before the order's last change.</summary>
    internal Instant NotBeforeLastChange(Instant now) => Audit[^1].At > now ? Audit[^1].At : now;

    /// <summary>Summons departments (吹哨); each must report within its own limit.</summary>
    internal void Whistle(IReadOnlyList<DepartmentSummons> summons, WorkOrderTimeLimits limits, WorkOrderActor actor, string? note, Instant at)
    {
        var to = Check(WorkOrderCommand.Whistle, actor, at);
        Preconditions.CheckNotNull(summons);
        Preconditions.CheckArgument(summons.Count > 0, nameof(summons), "summons must name at least one department.");
        // A department whose part is still open cannot be summoned again; one whose part is resolved can (a reopened
        // order may need the same department a second time: a new part, the old one stays in the record).
        var open = Parts.Where(p => p.Status != DepartmentPartStatus.Resolved).Select(p => p.Department).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var added = ImmutableArray.CreateBuilder<DepartmentPart>(summons.Count);
        foreach (var s in summons)
        {
            Preconditions.CheckNotNull(s, nameof(summons));
            Preconditions.CheckNotBlank(s.Department, nameof(summons) + ".Department");
            Preconditions.CheckArgumentRange(nameof(summons) + ".AcknowledgeWorkingDays", s.AcknowledgeWorkingDays, 1, 3650);
            string department = s.Department.Trim();
            if (!seen.Add(department))
            {
                throw new GridGovernanceException(ErrorCodes.WorkOrderPartState, $"{department} is summoned twice for {Id}; name each department once.");
            }
            if (open.Contains(department))
            {
                throw new GridGovernanceException(ErrorCodes.WorkOrderPartState, $"{department} is already summoned for {Id} and its part is open; it can be summoned again once its part is resolved.");
            }
            added.Add(new DepartmentPart(department, at, limits.DueAt(at, s.AcknowledgeWorkingDays)));
        }
        var codes = added.Select(p => p.Department).ToImmutableArray();
        Parts = Parts.AddRange(added);
        Apply(WorkOrderCommand.Whistle, to, actor, at, note ?? string.Join(",", codes), new WorkOrderWhistled(Id, actor, at, codes));
    }

    /// <summary>A summoned department reports (报到).</summary>
    internal void AcknowledgePart(string department, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.AcknowledgePart, actor, at);
        int i = PartIndex(department);
        var part = Parts[i];
        if (part.Status != DepartmentPartStatus.Summoned)
        {
            throw new GridGovernanceException(ErrorCodes.WorkOrderPartState, $"{part.Department} has already reported for {Id}.");
        }
        bool late = at >= part.AcknowledgeBy;
        Parts = Parts.SetItem(i, part with { AcknowledgedAt = at });
        Apply(WorkOrderCommand.AcknowledgePart, to, actor, at, late ? "late" : null, new WorkOrderPartAcknowledged(Id, actor, at, part.Department, late));
    }

    /// <summary>A summoned department finished its part, with evidence.</summary>
    internal void ResolvePart(string department, string evidence, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.ResolvePart, actor, at);
        int i = PartIndex(department);
        var part = Parts[i];
        Preconditions.CheckNotBlank(evidence);
        if (part.Status != DepartmentPartStatus.Acknowledged)
        {
            throw new GridGovernanceException(ErrorCodes.WorkOrderPartState, part.Status == DepartmentPartStatus.Summoned
                ? $"{part.Department} must report before it resolves its part of {Id}." : $"{part.Department} has already resolved its part of {Id}.");
        }
        Parts = Parts.SetItem(i, part with { ResolvedAt = at, Evidence = evidence });
        Apply(WorkOrderCommand.ResolvePart, to, actor, at, null, new WorkOrderPartResolved(Id, actor, at, part.Department));
    }

    /// <summary>Resolves it with evidence; every summoned department's part must be resolved first.</summary>
    internal void Resolve(string evidence, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.Resolve, actor, at);
        Preconditions.CheckNotBlank(evidence);
        foreach (var part in Parts)
        {
            if (part.Status != DepartmentPartStatus.Resolved)
            {
                throw new GridGovernanceException(ErrorCodes.WorkOrderPartsOpen, $"{Id} cannot be resolved: {part.Department}'s part is {part.Status}.");
            }
        }
        bool overdue = DueAt is Instant due && at >= due;
        Resolution = new WorkOrderResolution(actor, at, evidence);
        Apply(WorkOrderCommand.Resolve, to, actor, at, null, new WorkOrderResolved(Id, actor, at, Handler, overdue));
    }

    /// <summary>
    /// The resident who filed it rates the resolution. An unsatisfied rating reopens it (a second transition, with a new
    /// limit) while <see cref="Reopens"/> is below <see cref="WorkOrderPolicy.MaxReopens"/>.
    /// </summary>
    internal void Rate(bool satisfied, string? comment, WorkOrderActor actor, WorkOrderTimeLimits limits, WorkOrderPolicy policy, Instant at)
    {
        var to = Check(WorkOrderCommand.Rate, actor, at);
        if (actor != FiledBy)
        {
            // No key in the message: the filer's key may be their phone number, and the message goes to someone else.
            throw new GridGovernanceException(ErrorCodes.WorkOrderNotFiler, $"{actor.ForMessages} did not file {Id}; only its filer may rate it.");
        }
        Preconditions.CheckNotNull(limits);
        Preconditions.CheckNotNull(policy);
        bool reopen = !satisfied && Reopens < policy.MaxReopens;
        // Everything that can fail is done before the first change, so a refused rating leaves nothing behind.
        var (due, remind) = reopen ? limits.Schedule(at, policy.ReopenWorkingDays, policy.ReminderWorkingDays) : default;
        Ratings = Ratings.Add(new WorkOrderRating(satisfied, at, comment));
        Apply(WorkOrderCommand.Rate, to, actor, at, satisfied ? "satisfied" : "unsatisfied", new WorkOrderRated(Id, actor, at, satisfied));
        if (reopen)
        {
            var reopened = Check(WorkOrderCommand.Reopen, actor, at);
            Reopens++;
            DueAt = due;
            RemindAt = remind;
            Apply(WorkOrderCommand.Reopen, reopened, actor, at, null, new WorkOrderReopened(Id, actor, at, Reopens, due));
        }
    }

    /// <summary>Closes it (办结).</summary>
    internal void Close(WorkOrderActor actor, string? note, Instant at)
    {
        var to = Check(WorkOrderCommand.Close, actor, at);
        ClosedAt = at;
        RemindAt = null;
        Apply(WorkOrderCommand.Close, to, actor, at, note, new WorkOrderClosed(Id, actor, at, Satisfied));
    }

    /// <summary>Attaches a deliberation record (周末议事厅).</summary>
    internal void RecordDeliberation(DeliberationRecord deliberation, WorkOrderActor actor, Instant at)
    {
        var to = Check(WorkOrderCommand.RecordDeliberation, actor, at);
        Preconditions.CheckNotNull(deliberation);
        Preconditions.CheckNotBlank(deliberation.Outcome, nameof(deliberation) + ".Outcome");
        Preconditions.CheckArgumentRange(nameof(deliberation) + ".Participants", deliberation.Participants, 1, 1_000_000);
        Deliberations = Deliberations.Add(deliberation);
        Apply(WorkOrderCommand.RecordDeliberation, to, actor, at, deliberation.Outcome, new WorkOrderDeliberationRecorded(Id, actor, at, deliberation));
    }

    private int PartIndex(string department)
    {
        Preconditions.CheckNotBlank(department);
        string code = department.Trim();
        // The latest part of the department: only it can be open (a department is summoned again only once its part is resolved).
        for (int i = Parts.Length - 1; i >= 0; i--)
        {
            if (string.Equals(Parts[i].Department, code, StringComparison.Ordinal))
            {
                return i;
            }
        }
        throw new GridGovernanceException(ErrorCodes.WorkOrderUnknownDepartment, $"{code} has not been summoned for {Id}.");
    }

    /// <summary>
    /// Throws <see cref="IllegalTransitionException"/> when the table has no row for <paramref name="command"/> in the
    /// current state: the service asks this before authority, so a command out of turn is refused as such.
    /// </summary>
    internal void CheckAllows(WorkOrderCommand command, WorkOrderActor actor) =>
        WorkOrderWorkflow.Table.Apply(Status, command, $"{nameof(WorkOrder)} {Id}", Id, actor.ForMessages);

    /// <summary>The state the table allows <paramref name="command"/> to lead to, or throws naming from, to and actor.</summary>
    private WorkOrderStatus Check(WorkOrderCommand command, WorkOrderActor actor, Instant at)
    {
        Preconditions.CheckArgument(actor.Value is not null, nameof(actor), "actor must be set.");
        var to = WorkOrderWorkflow.Table.Apply(Status, command, $"{nameof(WorkOrder)} {Id}", Id, actor.ForMessages);
        var last = Audit[^1].At;
        if (at < last)
        {
            throw Preconditions.InvalidInput(nameof(at), ErrorCodes.InvalidValue, $"at ({at}) must not be before the order's last change ({last}).");
        }
        return to;
    }

    private void Apply(WorkOrderCommand command, WorkOrderStatus to, WorkOrderActor actor, Instant at, string? note, WorkOrderEvent domainEvent)
    {
        Audit = Audit.Add(new WorkOrderAuditRecord(Audit.Length + 1, command, Status, to, actor, at, note));
        Status = to;
        Raise(domainEvent);
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private WorkOrder(Persistence.WorkOrderStoredForm form)
        : base(form.Id)
    {
        Category = form.Category;
        Description = form.Description;
        Channel = form.Channel;
        Urgency = form.Urgency;
        FiledBy = form.FiledBy;
        FilerName = form.FilerName;
        FilerPhone = form.FilerPhone;
        Household = form.Household;
        Location = form.Location;
        Address = form.Address;
        Unit = form.Unit;
        FiledAt = form.FiledAt;
        Status = form.Status;
        Class = form.Class;
        Level = form.Level;
        ResponsibleUnit = form.ResponsibleUnit;
        DueAt = form.DueAt;
        RemindAt = form.RemindAt;
        Escalations = form.Escalations;
        FirstResponder = form.FirstResponder;
        Handler = form.Handler;
        Parts = form.Parts;
        Resolution = form.Resolution;
        Ratings = form.Ratings;
        Reopens = form.Reopens;
        ClosedAt = form.ClosedAt;
        Deliberations = form.Deliberations;
        Audit = form.Audit;
    }

    /// <summary>This WorkOrder's stored form.</summary>
    internal Persistence.WorkOrderStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Category = Category,
        Description = Description,
        Channel = Channel,
        Urgency = Urgency,
        FiledBy = FiledBy,
        FilerName = FilerName,
        FilerPhone = FilerPhone,
        Household = Household,
        Location = Location,
        Address = Address,
        Unit = Unit,
        FiledAt = FiledAt,
        Status = Status,
        Class = Class,
        Level = Level,
        ResponsibleUnit = ResponsibleUnit,
        DueAt = DueAt,
        RemindAt = RemindAt,
        Escalations = Escalations,
        FirstResponder = FirstResponder,
        Handler = Handler,
        Parts = Parts,
        Resolution = Resolution,
        Ratings = Ratings,
        Reopens = Reopens,
        ClosedAt = ClosedAt,
        Deliberations = Deliberations,
        Audit = Audit,
    };

    /// <summary>Rebuilds a WorkOrder from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static WorkOrder FromStoredForm(Persistence.WorkOrderStoredForm form) => new(form);
}
