using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// One line of the unit ledger (组织积分明细账): a unit's organisation points for one occurrence of a unit rule book's
/// item, with where it came from, who recorded it and its review state (单位申报 → 审核). Yibin rates its organs quarterly
/// by points ("机关党组织根据积分评定星级"). Append-only, like a member's <see cref="LedgerEntry"/>: an entry is never edited
/// or deleted.
/// </summary>
/// <remarks>
/// States move only along <see cref="LedgerEntryWorkflow.Transitions"/>: Declared → Approved | Rejected. Recorded entries
/// are born Approved. Only approved entries count (<see cref="CountsInAssessment"/>). Change entries through
/// <see cref="UnitPointsService"/>, which checks the rule book, the authority policy and published periods first.
/// </remarks>
[Mutable]
public sealed class UnitLedgerEntry : AggregateRoot<UnitLedgerEntryId>
{
    private UnitLedgerEntry(UnitLedgerEntryId id, string ruleBookId, UnitLedgerEntryRequest request, Points points, Instant recordedAt, LedgerActor actor,
        MemberId? declaredBy, LedgerSource source, LedgerEntryStatus status)
        : base(id)
    {
        RuleBookId = ruleBookId;
        ItemCode = request.ItemCode;
        Unit = request.Unit;
        DeclaredPoints = points;
        Points = points;
        OccurredOn = request.OccurredOn;
        RecordedAt = recordedAt;
        Actor = actor;
        DeclaredBy = declaredBy;
        Source = source;
        IdempotencyKey = request.IdempotencyKey;
        Tier = request.Tier;
        AfterReminder = request.AfterReminder;
        Evidence = request.Evidence;
        Status = status;
    }

    /// <summary>The unit rule book the item belongs to.</summary>
    public string RuleBookId { get; private set; }

    /// <summary>The item.</summary>
    public string ItemCode { get; private set; }

    /// <summary>The unit the points belong to.</summary>
    public OrgUnitId Unit { get; private set; }

    /// <summary>The points as declared or recorded.</summary>
    public Points DeclaredPoints { get; private set; }

    /// <summary>The points: as approved for an approved entry (a reviewer may change a discretionary value).</summary>
    public Points Points { get; private set; }

    /// <summary>The day it happened.</summary>
    public LocalDate OccurredOn { get; private set; }

    /// <summary>When it was written to the ledger.</summary>
    public Instant RecordedAt { get; private set; }

    /// <summary>Who declared or recorded it.</summary>
    public LedgerActor Actor { get; private set; }

    /// <summary>The member who declared it in a post on the unit, or <c>null</c> (recorded, or declared by an actor who is no member).</summary>
    public MemberId? DeclaredBy { get; private set; }

    /// <summary>Where it came from (<see cref="LedgerSource.Declaration"/> for a declaration).</summary>
    public LedgerSource Source { get; private set; }

    /// <summary>The caller's key: the same key twice is one entry.</summary>
    public string IdempotencyKey { get; private set; }

    /// <summary>For a tiered item: the tier's code; otherwise <c>null</c>.</summary>
    public string? Tier { get; private set; }

    /// <summary>Whether it happened after a reminder.</summary>
    public bool AfterReminder { get; private set; }

    /// <summary>A reference to the evidence, or <c>null</c>.</summary>
    public string? Evidence { get; private set; }

    /// <summary>The review state.</summary>
    public LedgerEntryStatus Status { get; private set; }

    /// <summary>The member who approved or rejected it, or <c>null</c>.</summary>
    public MemberId? ReviewedBy { get; private set; }

    /// <summary>The unit of the post the reviewer acted in, or <c>null</c>.</summary>
    public OrgUnitId? ReviewerUnit { get; private set; }

    /// <summary>When it was approved or rejected, or <c>null</c>.</summary>
    public Instant? ReviewedAt { get; private set; }

    /// <summary>The reviewer's note on an approval, or the reason of a rejection; <c>null</c> when none was given.</summary>
    public string? ReviewReason { get; private set; }

    /// <summary>Whether an assessment counts it: approved.</summary>
    public bool CountsInAssessment => Status == LedgerEntryStatus.Approved;

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Unit} {ItemCode} {Points} on {OccurredOn:yyyy-MM-dd} ({Status})";

    internal static UnitLedgerEntry Declare(UnitLedgerEntryId id, string ruleBookId, UnitLedgerEntryRequest request, Points points, LedgerActor actor, MemberId? declaredBy, Instant at)
    {
        var entry = new UnitLedgerEntry(id, ruleBookId, request, points, at, actor, declaredBy, LedgerSource.Declaration, LedgerEntryStatus.Declared);
        entry.Raise(new UnitLedgerEntryDeclared(id, entry.Unit, ruleBookId, entry.ItemCode, points, entry.OccurredOn, actor));
        return entry;
    }

    internal static UnitLedgerEntry Record(UnitLedgerEntryId id, string ruleBookId, LedgerSource source, UnitLedgerEntryRequest request, Points points, LedgerActor actor, Instant at)
    {
        var entry = new UnitLedgerEntry(id, ruleBookId, request, points, at, actor, null, source, LedgerEntryStatus.Approved);
        entry.Raise(new UnitLedgerEntryRecorded(id, entry.Unit, ruleBookId, entry.ItemCode, points, entry.OccurredOn, source, actor));
        return entry;
    }

    /// <summary>Throws unless the transition table allows moving from the current state to <paramref name="to"/>.</summary>
    internal void CheckCanMove(LedgerEntryStatus to, LedgerActor actor) =>
        LedgerEntryWorkflow.Table.Apply(Status, to, $"{nameof(UnitLedgerEntry)} {Id}", Id, actor.ToString());

    internal void Approve(Authority.Actor reviewer, LedgerActor audit, Points points, string? note, Instant at)
    {
        CheckCanMove(LedgerEntryStatus.Approved, audit);
        Status = LedgerEntryStatus.Approved;
        Points = points;
        Reviewed(reviewer, note, at);
        Raise(new UnitLedgerEntryApproved(Id, Unit, points, audit, ReviewerUnit));
    }

    internal void Reject(Authority.Actor reviewer, LedgerActor audit, string reason, Instant at)
    {
        CheckCanMove(LedgerEntryStatus.Rejected, audit);
        Status = LedgerEntryStatus.Rejected;
        Reviewed(reviewer, reason, at);
        Raise(new UnitLedgerEntryRejected(Id, Unit, audit, ReviewerUnit, reason));
    }

    private void Reviewed(Authority.Actor reviewer, string? reason, Instant at)
    {
        ReviewedBy = reviewer.IsMember ? reviewer.MemberId : null;
        ReviewerUnit = reviewer.Kind == Authority.ActorKind.Post ? reviewer.Unit : null;
        ReviewedAt = at;
        ReviewReason = reason;
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private UnitLedgerEntry(Persistence.UnitLedgerEntryStoredForm form)
        : base(form.Id)
    {
        RuleBookId = form.RuleBookId;
        ItemCode = form.ItemCode;
        Unit = form.Unit;
        DeclaredPoints = form.DeclaredPoints;
        Points = form.Points;
        OccurredOn = form.OccurredOn;
        RecordedAt = form.RecordedAt;
        Actor = form.Actor;
        DeclaredBy = form.DeclaredBy;
        Source = form.Source;
        IdempotencyKey = form.IdempotencyKey;
        Tier = form.Tier;
        AfterReminder = form.AfterReminder;
        Evidence = form.Evidence;
        Status = form.Status;
        ReviewedBy = form.ReviewedBy;
        ReviewerUnit = form.ReviewerUnit;
        ReviewedAt = form.ReviewedAt;
        ReviewReason = form.ReviewReason;
    }

    /// <summary>This entry's stored form.</summary>
    internal Persistence.UnitLedgerEntryStoredForm ToStoredForm() => new()
    {
        Id = Id,
        RuleBookId = RuleBookId,
        ItemCode = ItemCode,
        Unit = Unit,
        DeclaredPoints = DeclaredPoints,
        Points = Points,
        OccurredOn = OccurredOn,
        RecordedAt = RecordedAt,
        Actor = Actor,
        DeclaredBy = DeclaredBy,
        Source = Source,
        IdempotencyKey = IdempotencyKey,
        Tier = Tier,
        AfterReminder = AfterReminder,
        Evidence = Evidence,
        Status = Status,
        ReviewedBy = ReviewedBy,
        ReviewerUnit = ReviewerUnit,
        ReviewedAt = ReviewedAt,
        ReviewReason = ReviewReason,
    };

    /// <summary>Rebuilds an entry from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static UnitLedgerEntry FromStoredForm(Persistence.UnitLedgerEntryStoredForm form) => new(form);
}
