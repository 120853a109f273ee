using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// One line of the points ledger (积分明细账): a member's points for one occurrence of a rule-book item, with where it
/// came from, who recorded it, and its review state (申报 → 审核). The ledger is append-only: an entry is never edited
/// or deleted; a correction is a reversal entry (<see cref="ReversalOf"/>) that cancels an approved one, and a late
/// correction of a frozen period is an adjustment entry (<see cref="AdjustsFrozenPeriod"/>) in an open period.
/// </summary>
/// <remarks>
/// <para>
/// States move only along <see cref="LedgerEntryWorkflow.Transitions"/>: Declared → Approved | Rejected, and
/// Approved → Reversed when a reversal is appended. Entries recorded by automatic sources, reversals and adjustments
/// are born Approved. Only approved entries that are neither reversed nor reversals count in an assessment
/// (<see cref="CountsInAssessment"/>), so an original and its reversal together count exactly as neither.
/// </para>
/// <para>
/// The actor is a <see cref="LedgerActor"/> (a string such as <c>member:17</c> or <c>system:work-orders</c>), so
/// that automatic sources and people share one audit column; reviews also keep the reviewing member and unit.
/// Change entries through <see cref="PointsLedgerService"/>, which checks the rule book, jurisdiction and frozen
/// periods before anything is written.
/// </para>
/// </remarks>
[Mutable]
public sealed class LedgerEntry : AggregateRoot<LedgerEntryId>
{
    private LedgerEntry(LedgerEntryId id, string ruleBookId, string itemCode, MemberId member, Points points, LocalDate occurredOn,
        Instant recordedAt, LedgerActor actor, LedgerSource source, string idempotencyKey, LedgerEntryStatus status)
        : base(id)
    {
        RuleBookId = ruleBookId;
        ItemCode = itemCode;
        Member = member;
        DeclaredPoints = points;
        Points = points;
        OccurredOn = occurredOn;
        RecordedAt = recordedAt;
        Actor = actor;
        Source = source;
        IdempotencyKey = idempotencyKey;
        Status = status;
    }

    /// <summary>The rule book the item belongs to.</summary>
    public string RuleBookId { get; }

    /// <summary>The rule-book item, e.g. <c>themed-party-day</c>.</summary>
    public string ItemCode { get; }

    /// <summary>The member the points belong to.</summary>
    public MemberId Member { get; }

    /// <summary>The points as declared or recorded (before any reviewer's change of a discretionary value).</summary>
    public Points DeclaredPoints { get; }

    /// <summary>
    /// The points: as approved for an approved entry (a reviewer may change a discretionary value), the negated points
    /// of the original for a reversal. For information and for balances; an assessment recomputes points from the rule
    /// book and applies caps.
    /// </summary>
    public Points Points { get; private set; }

    /// <summary>The day it happened, or for an adjustment the day in the open period it is counted on.</summary>
    public LocalDate OccurredOn { get; }

    /// <summary>For an adjustment: the day it really happened, inside the frozen period; otherwise <c>null</c>.</summary>
    public LocalDate? OriginallyOccurredOn { get; private init; }

    /// <summary>When it was written to the ledger.</summary>
    public Instant RecordedAt { get; }

    /// <summary>Who declared or recorded it.</summary>
    public LedgerActor Actor { get; }

    /// <summary>Where it came from.</summary>
    public LedgerSource Source { get; }

    /// <summary>A reference to the evidence, or <c>null</c>.</summary>
    public string? Evidence { get; private init; }

    /// <summary>The caller's key: the same key twice is one entry.</summary>
    public string IdempotencyKey { get; }

    /// <summary>For a tiered item: the tier's code; otherwise <c>null</c>.</summary>
    public string? Tier { get; private init; }

    /// <summary>Whether it happened after a reminder (counts double where the rule says so).</summary>
    public bool AfterReminder { get; private init; }

    /// <summary>The review state.</summary>
    public LedgerEntryStatus Status { get; private set; }

    /// <summary>The member who approved or rejected it, or <c>null</c> (not reviewed yet, recorded directly, or reviewed by an actor who is no member).</summary>
    public MemberId? ReviewedBy { get; private set; }

    /// <summary>The unit of the post the reviewer acted in, or <c>null</c>.</summary>
    public OrgUnitId? ReviewerUnit { get; private set; }

    /// <summary>When it was approved or rejected, or <c>null</c>.</summary>
    public Instant? ReviewedAt { get; private set; }

    /// <summary>The reviewer's note on an approval, or the reason of a rejection; <c>null</c> when none was given.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>For a reversal entry: the entry it cancels; otherwise <c>null</c>.</summary>
    public LedgerEntryId? ReversalOf { get; private init; }

    /// <summary>For a reversed entry: the reversal entry that cancelled it; otherwise <c>null</c>.</summary>
    public LedgerEntryId? ReversedBy { get; private set; }

    /// <summary>Why it was reversed (on both the reversed entry and the reversal), or <c>null</c>.</summary>
    public string? ReversalReason { get; private set; }

    /// <summary>For an adjustment: the label of the frozen period it corrects (e.g. <c>2024-Q1</c>); otherwise <c>null</c>.</summary>
    public string? AdjustsFrozenPeriod { get; private init; }

    /// <summary>Whether this entry cancels another one.</summary>
    public bool IsReversal => ReversalOf is not null;

    /// <summary>Whether this entry is a late correction of a frozen period.</summary>
    public bool IsAdjustment => AdjustsFrozenPeriod is not null;

    /// <summary>Whether an assessment counts it: approved, not reversed, and not itself a reversal.</summary>
    public bool CountsInAssessment => Status == LedgerEntryStatus.Approved && ReversalOf is null;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Member} {ItemCode} {Points} on {OccurredOn:yyyy-MM-dd} ({Status})";

    internal static LedgerEntry Declare(LedgerEntryId id, string ruleBookId, LedgerEntryRequest request, Points points, LedgerActor actor, Instant at)
    {
        var entry = new LedgerEntry(id, ruleBookId, request.ItemCode, request.Member, points, request.OccurredOn, at, actor,
            LedgerSource.Declaration, request.IdempotencyKey, LedgerEntryStatus.Declared)
        {
            Evidence = request.Evidence,
            Tier = request.Tier,
            AfterReminder = request.AfterReminder,
        };
        entry.Raise(new LedgerEntryDeclared(id, entry.Member, ruleBookId, entry.ItemCode, points, entry.OccurredOn, actor));
        return entry;
    }

    internal static LedgerEntry Record(LedgerEntryId id, string ruleBookId, LedgerSource source, LedgerEntryRequest request, Points points,
        LedgerActor actor, Instant at, LocalDate? adjustOn = null, string? adjustsFrozenPeriod = null)
    {
        var entry = new LedgerEntry(id, ruleBookId, request.ItemCode, request.Member, points, adjustOn ?? request.OccurredOn, at, actor,
            source, request.IdempotencyKey, LedgerEntryStatus.Approved)
        {
            Evidence = request.Evidence,
            Tier = request.Tier,
            AfterReminder = request.AfterReminder,
            OriginallyOccurredOn = adjustOn is null ? null : request.OccurredOn,
            AdjustsFrozenPeriod = adjustsFrozenPeriod,
        };
        entry.RaiseRecorded();
        return entry;
    }

    /// <summary>A reversal entry for <paramref name="original"/>: same member, item and day, negated points.</summary>
    internal static LedgerEntry CreateReversal(LedgerEntryId id, LedgerEntry original, string idempotencyKey, LedgerActor actor, string reason, Instant at)
    {
        var entry = new LedgerEntry(id, original.RuleBookId, original.ItemCode, original.Member, -original.Points, original.OccurredOn, at, actor,
            LedgerSource.Adjustment, idempotencyKey, LedgerEntryStatus.Approved)
        {
            Tier = original.Tier,
            AfterReminder = original.AfterReminder,
            Evidence = original.Evidence,
            ReversalOf = original.Id,
        };
        entry.ReversalReason = reason;
        entry.RaiseRecorded();
        return entry;
    }

    internal void Approve(Authority.Actor reviewer, LedgerActor audit, Points points, string? note, Instant at)
    {
        MoveTo(LedgerEntryStatus.Approved, audit);
        Points = points;
        Reviewed(reviewer, note, at);
        Raise(new LedgerEntryApproved(Id, Member, points, audit, ReviewerUnit));
    }

    internal void Reject(Authority.Actor reviewer, LedgerActor audit, string reason, Instant at)
    {
        MoveTo(LedgerEntryStatus.Rejected, audit);
        Reviewed(reviewer, reason, at);
        Raise(new LedgerEntryRejected(Id, Member, audit, ReviewerUnit, reason));
    }

    private void Reviewed(Authority.Actor reviewer, string? reason, Instant at)
    {
        ReviewedBy = reviewer.IsMember ? reviewer.MemberId : null;
        ReviewerUnit = reviewer.Kind == Authority.ActorKind.Post ? reviewer.Unit : null;
        ReviewedAt = at;
        ReviewReason = reason;
    }

    internal void MarkReversed(LedgerEntryId reversal, LedgerActor actor, string reason)
    {
        Preconditions.CheckState(!IsReversal, ErrorCodes.LedgerReversalNotReversible,
            $"{Id} is a reversal of {ReversalOf}; a reversal cannot itself be reversed. Record a new entry instead.");
        MoveTo(LedgerEntryStatus.Reversed, actor);
        ReversedBy = reversal;
        ReversalReason = reason;
        Raise(new LedgerEntryReversed(Id, reversal, actor, reason));
    }

    /// <summary>Throws unless the transition table allows moving from the current state to <paramref name="to"/>.</summary>
    internal void CheckCanMove(LedgerEntryStatus to, LedgerActor actor) =>
        LedgerEntryWorkflow.Table.Apply(Status, to, $"{nameof(LedgerEntry)} {Id}", Id, actor.ToString());

    private void MoveTo(LedgerEntryStatus to, LedgerActor actor)
    {
        CheckCanMove(to, actor);
        Status = to;
    }

    private void RaiseRecorded() =>
        Raise(new LedgerEntryRecorded(Id, Member, RuleBookId, ItemCode, Points, OccurredOn, Source, Actor, ReversalOf, AdjustsFrozenPeriod));

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private LedgerEntry(Persistence.LedgerEntryStoredForm form)
        : base(form.Id)
    {
        RuleBookId = form.RuleBookId;
        ItemCode = form.ItemCode;
        Member = form.Member;
        DeclaredPoints = form.DeclaredPoints;
        Points = form.Points;
        OccurredOn = form.OccurredOn;
        OriginallyOccurredOn = form.OriginallyOccurredOn;
        RecordedAt = form.RecordedAt;
        Actor = form.Actor;
        Source = form.Source;
        Evidence = form.Evidence;
        IdempotencyKey = form.IdempotencyKey;
        Tier = form.Tier;
        AfterReminder = form.AfterReminder;
        Status = form.Status;
        ReviewedBy = form.ReviewedBy;
        ReviewerUnit = form.ReviewerUnit;
        ReviewedAt = form.ReviewedAt;
        ReviewReason = form.ReviewReason;
        ReversalOf = form.ReversalOf;
        ReversedBy = form.ReversedBy;
        ReversalReason = form.ReversalReason;
        AdjustsFrozenPeriod = form.AdjustsFrozenPeriod;
    }

    /// <summary>This LedgerEntry's stored form.</summary>
    internal Persistence.LedgerEntryStoredForm ToStoredForm() => new()
    {
        Id = Id,
        RuleBookId = RuleBookId,
        ItemCode = ItemCode,
        Member = Member,
        DeclaredPoints = DeclaredPoints,
        Points = Points,
        OccurredOn = OccurredOn,
        OriginallyOccurredOn = OriginallyOccurredOn,
        RecordedAt = RecordedAt,
        Actor = Actor,
        Source = Source,
        Evidence = Evidence,
        IdempotencyKey = IdempotencyKey,
        Tier = Tier,
        AfterReminder = AfterReminder,
        Status = Status,
        ReviewedBy = ReviewedBy,
        ReviewerUnit = ReviewerUnit,
        ReviewedAt = ReviewedAt,
        ReviewReason = ReviewReason,
        ReversalOf = ReversalOf,
        ReversedBy = ReversedBy,
        ReversalReason = ReversalReason,
        AdjustsFrozenPeriod = AdjustsFrozenPeriod,
    };

    /// <summary>Rebuilds a LedgerEntry from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static LedgerEntry FromStoredForm(Persistence.LedgerEntryStoredForm form) => new(form);
}
