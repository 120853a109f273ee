using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Catalogue;
using NodaTime;
using Microsoft.Extensions.Logging;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The application service of the points ledger's entries (积分明细账), the 党员申报 → 区域党委审核 part of Yibin's
/// 党员申报 → 区域党委审核 → 定期公示: members declare, reviewers with jurisdiction approve or reject, automatic sources
/// record directly, and corrections are reversal entries. Publication, objections and the freeze are
/// <see cref="PeriodPublicationService"/>'s; handing the approved entries to the <see cref="AssessmentEngine"/> is
/// <see cref="LedgerExportService"/>'s.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is edited or deleted. Every write is checked in full before anything is staged, and saved in one unit of
/// work: a reversal and the entry it cancels are written together or not at all. Writes that add an entry are
/// idempotent by their key (<see cref="LedgerEntryRequest.IdempotencyKey"/>; a reversal's key is derived from the
/// entry it reverses): the same key twice returns the first entry and writes nothing.
/// </para>
/// <para>
/// Entry ids are handed out in recorded order (one more than the highest id stored), so they also serve as the
/// assessment's <see cref="AssessmentEntry.Sequence"/>. Two writers that pick the same id collide on the store's
/// unique key, and a writer whose publication guard went stale (see below) collides on its version; either way the
/// whole operation is retried from a fresh read (<see cref="UnitOfWorkRetry"/>), with the idempotency check
/// first. Because the highest id is read before the key is looked up, two concurrent writes with one key can never
/// both be added. When the unit of work already held someone else's staged changes there is no retry (a failed save
/// discards them): the conflict is surfaced.
/// </para>
/// <para>
/// Frozen periods: an entry whose occurrence date lies in a frozen period of its rule book is refused by
/// <see cref="DeclareAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>, <see cref="RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>, <see cref="ApproveAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryId, GridGovernance.Points?, string?, System.Threading.CancellationToken)"/> and <see cref="ReverseAsync"/>
/// (code <see cref="ErrorCodes.LedgerPeriodFrozen"/>); record a late correction with <see cref="RecordAdjustmentAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, NodaTime.LocalDate, System.Threading.CancellationToken)"/>.
/// A write into a published period that is not frozen yet also re-saves that period's <see cref="PeriodPublication"/>
/// guard (never its <see cref="PublishedResults"/>), so that a freeze racing with it makes one of the two fail on the
/// version check instead of letting an entry slip into a frozen period.
/// </para>
/// <para>
/// Authority: every command names its <see cref="Actor"/> first and asks the <see cref="IAuthorityPolicy"/> before
/// anything is read for the write or saved (a refusal throws <see cref="ForbiddenException"/>, code
/// <c>points.forbidden</c>, and changes nothing): <see cref="Capabilities.DeclarePoints"/> for a declaration (the
/// member in person), <see cref="Capabilities.RecordEntry"/> for a record or an adjustment (the system, or a post
/// whose jurisdiction covers the member, never for oneself), <see cref="Capabilities.ReviewDeclaration"/> for a
/// review (a post whose jurisdiction covers the declaring member, 双报到 included, never one's own declaration) and
/// <see cref="Capabilities.ReverseEntry"/> for a reversal (never one's own entry). The actor's
/// <see cref="Actor.AuditName"/> is what the audit columns store.
/// </para>
/// <para>
/// Dates ("today", the review date) are reckoned in <see cref="GridGovernanceOptions.TimeZone"/>; the authority
/// policy reads the roster and posts of today.
/// </para>
/// </remarks>
[Immutable]
public sealed class PointsLedgerService
{
    /// <summary>The prefix of the idempotency keys the ledger gives reversals; callers' keys may not use it.</summary>
    public const string ReversalKeyPrefix = "reversal-of:";

    private const int MaxKeyLength = 200;

    private readonly IRepository<LedgerEntry> entries;
    private readonly IRepository<PeriodPublication> publications;
    private readonly IReadRepository<StoredRuleBook>? ruleBooks;
    private readonly IReadRepository<Member> members;
    private readonly IAuthorityPolicy authority;
    private readonly IUnitOfWork unitOfWork;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;
    private readonly ILogger logger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="entries">Ledger entries.</param>
    /// <param name="publications">Period publications (their guards), to refuse frozen periods and to guard published ones.</param>
    /// <param name="members">Members, to check the roster on the occurrence date.</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    public PointsLedgerService(
        IRepository<LedgerEntry> entries,
        IRepository<PeriodPublication> publications,
        IReadRepository<Member> members,
        IAuthorityPolicy authority,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        IClock clock,
        ILogger<PointsLedgerService>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.entries = Preconditions.CheckNotNull(entries);
        this.publications = Preconditions.CheckNotNull(publications);
        this.members = Preconditions.CheckNotNull(members);
        this.authority = Preconditions.CheckNotNull(authority);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>Creates the service with the rule-book catalogue, for the overloads that take a <see cref="RuleBookId"/> (normally resolved from DI, one per scope).</summary>
    /// <param name="entries">Ledger entries.</param>
    /// <param name="publications">Period publications (their guards), to refuse frozen periods and to guard published ones.</param>
    /// <param name="ruleBooks">The rule-book catalogue's stored books.</param>
    /// <param name="members">Members, to check the roster on the occurrence date.</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    public PointsLedgerService(
        IRepository<LedgerEntry> entries,
        IRepository<PeriodPublication> publications,
        IReadRepository<StoredRuleBook> ruleBooks,
        IReadRepository<Member> members,
        IAuthorityPolicy authority,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        IClock clock,
        ILogger<PointsLedgerService>? logger = null)
        : this(entries, publications, members, authority, unitOfWork, options, clock, logger)
    {
        this.ruleBooks = Preconditions.CheckNotNull(ruleBooks);
    }

    /// <summary>As <see cref="DeclareAsync(Actor, RuleBook, LedgerEntryRequest, CancellationToken)"/>, under the latest version of a rule book in the catalogue.</summary>
    /// <param name="actor">Who declares: the member in person.</param>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="request">What is declared.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The declared entry (or the one first recorded with the key).</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book, or the member does not exist.</exception>
    public async Task<LedgerEntry> DeclareAsync(Actor actor, RuleBookId ruleBook, LedgerEntryRequest request, CancellationToken cancellationToken = default) =>
        await DeclareAsync(actor, await RuleBookCatalogue.LatestAsync(ruleBooks, ruleBook, cancellationToken).ConfigureAwait(false), request, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>As <see cref="RecordAsync(Actor, RuleBook, LedgerSource, LedgerEntryRequest, CancellationToken)"/>, under the latest version of a rule book in the catalogue.</summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="source">Where it comes from; not <see cref="LedgerSource.Declaration"/>.</param>
    /// <param name="request">What is recorded.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The recorded entry (or the one first recorded with the key).</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book, or the member does not exist.</exception>
    public async Task<LedgerEntry> RecordAsync(Actor actor, RuleBookId ruleBook, LedgerSource source, LedgerEntryRequest request, CancellationToken cancellationToken = default) =>
        await RecordAsync(actor, await RuleBookCatalogue.LatestAsync(ruleBooks, ruleBook, cancellationToken).ConfigureAwait(false), source, request, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>As <see cref="RecordAdjustmentAsync(Actor, RuleBook, LedgerSource, LedgerEntryRequest, LocalDate, CancellationToken)"/>, under the latest version of a rule book in the catalogue.</summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="source">Where it comes from; not <see cref="LedgerSource.Declaration"/>.</param>
    /// <param name="request">What is recorded.</param>
    /// <param name="adjustOn">The day in an open period it is counted on; not after today.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The recorded adjustment.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book, or the member does not exist.</exception>
    public async Task<LedgerEntry> RecordAdjustmentAsync(Actor actor, RuleBookId ruleBook, LedgerSource source, LedgerEntryRequest request, LocalDate adjustOn,
        CancellationToken cancellationToken = default) =>
        await RecordAdjustmentAsync(actor, await RuleBookCatalogue.LatestAsync(ruleBooks, ruleBook, cancellationToken).ConfigureAwait(false), source, request, adjustOn,
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// As <see cref="ApproveAsync(Actor, RuleBook, LedgerEntryId, Points?, string?, CancellationToken)"/>, under the latest version
    /// in the catalogue of the rule book the entry names (<see cref="LedgerEntry.RuleBookId"/>).
    /// </summary>
    /// <param name="actor">Who reviews.</param>
    /// <param name="entry">The declared entry.</param>
    /// <param name="value">For a discretionary item: the value approved; <c>null</c> to approve the declared value.</param>
    /// <param name="note">The reviewer's note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The approved entry.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The entry does not exist, or the catalogue has no rule book of that id.</exception>
    public async Task<LedgerEntry> ApproveAsync(Actor actor, LedgerEntryId entry, Points? value = null, string? note = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var found = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
        var book = await RuleBookCatalogue.LatestAsync(ruleBooks, new RuleBookId(found.RuleBookId), cancellationToken).ConfigureAwait(false);
        return await ApproveAsync(actor, book, entry, value, note, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Today's date in the configured zone (Asia/Shanghai by default).</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>
    /// A member declares points (党员申报): the entry is recorded as <see cref="LedgerEntryStatus.Declared"/> and waits
    /// for review. The same idempotency key twice returns the first entry. Only the member in person declares
    /// (<see cref="Capabilities.DeclarePoints"/>): <paramref name="actor"/> is <c>Actor.Member(request.Member)</c>.
    /// </summary>
    /// <param name="actor">Who declares: the member in person.</param>
    /// <param name="ruleBook">The rule book the item belongs to.</param>
    /// <param name="request">What is declared.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The declared entry (or the one first recorded with the key).</returns>
    /// <exception cref="GridGovernanceValidationException">The request is incomplete (no member, blank item or key, a reserved key) or breaks the <see cref="InputPolicy"/>.</exception>
    /// <exception cref="EntityNotFoundException">The member does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not declare for the member (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The item is unknown, has no version in force, is computed by the engine, or
    /// its value or tier is wrong; the date is in the future or in a frozen period; the member was not on the roster then;
    /// or the key was used for a different request. See <see cref="ErrorCodes"/> (<c>points.*</c>).</exception>
    public async Task<LedgerEntry> DeclareAsync(Actor actor, RuleBook ruleBook, LedgerEntryRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        CheckRequest(request);
        var audit = await DemandForMemberAsync(actor, Capabilities.DeclarePoints, request.Member, cancellationToken).ConfigureAwait(false);
        var declared = await AddEntryAsync(ruleBook, LedgerSource.Declaration, request, adjustment: false,
            (id, _) => Task.FromResult(LedgerEntry.Declare(id, ruleBook.Id, request, PointsOf(ruleBook, request, request.OccurredOn, Today), audit, clock.GetCurrentInstant())),
            cancellationToken).ConfigureAwait(false);
        GridGovernanceTelemetry.Declarations.Add(1);
        logger.PointsDeclared(declared.Id, declared.ItemCode, declared.Member);
        return declared;
    }

    /// <summary>
    /// Records an entry that needs no review, already <see cref="LedgerEntryStatus.Approved"/>: automatic sources such as
    /// resolved work orders, claimed projects, contact visits, party dues. The same idempotency key twice returns the
    /// first entry (use the source's own id, e.g. <c>work-order:4711</c>). Needs <see cref="Capabilities.RecordEntry"/>:
    /// the system (e.g. <c>Actor.System("work-orders")</c>) or a post whose jurisdiction covers the member, never for oneself.
    /// </summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="ruleBook">The rule book the item belongs to.</param>
    /// <param name="source">Where it comes from; not <see cref="LedgerSource.Declaration"/> (declarations go through <see cref="DeclareAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>).</param>
    /// <param name="request">What is recorded.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The recorded entry (or the one first recorded with the key).</returns>
    /// <exception cref="GridGovernanceValidationException">The source is a declaration or undefined, or the request is incomplete or breaks the <see cref="InputPolicy"/>.</exception>
    /// <exception cref="EntityNotFoundException">The member does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not record for the member (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">As for <see cref="DeclareAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>.</exception>
    public async Task<LedgerEntry> RecordAsync(Actor actor, RuleBook ruleBook, LedgerSource source, LedgerEntryRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        CheckRecordRequest(source, request);
        var audit = await DemandForMemberAsync(actor, Capabilities.RecordEntry, request.Member, cancellationToken).ConfigureAwait(false);
        return await AddEntryAsync(ruleBook, source, request, adjustment: false,
            (id, _) => Task.FromResult(LedgerEntry.Record(id, ruleBook.Id, source, request, PointsOf(ruleBook, request, request.OccurredOn, Today), audit, clock.GetCurrentInstant())),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a late correction of a frozen period (补录调整): the entry happened on
    /// <see cref="LedgerEntryRequest.OccurredOn"/>, inside a frozen period, but is counted on <paramref name="adjustOn"/>,
    /// in an open period, with <see cref="LedgerEntry.AdjustsFrozenPeriod"/> naming the frozen period. The frozen
    /// period's results do not change. To take back points of a frozen period, record a deduction or a discretionary
    /// correction item with a negative value. Needs <see cref="Capabilities.RecordEntry"/>, as <see cref="RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    /// <param name="actor">Who records it.</param>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="source">Where it comes from; not <see cref="LedgerSource.Declaration"/>.</param>
    /// <param name="request">What is recorded. The item is checked
    /// against the version in force on <paramref name="adjustOn"/>, which is the one the assessment will use.</param>
    /// <param name="adjustOn">The day in an open period it is counted on; not after today.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The adjustment entry (or the one first recorded with the key).</returns>
    /// <exception cref="GridGovernanceValidationException">The source is a declaration or undefined, or the request is incomplete or breaks the <see cref="InputPolicy"/>.</exception>
    /// <exception cref="EntityNotFoundException">The member does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not record for the member (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The occurrence date lies in no frozen period (code
    /// <see cref="ErrorCodes.LedgerNotInFrozenPeriod"/>), <paramref name="adjustOn"/> lies in a frozen period, or as for
    /// <see cref="DeclareAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>.</exception>
    public async Task<LedgerEntry> RecordAdjustmentAsync(Actor actor, RuleBook ruleBook, LedgerSource source, LedgerEntryRequest request, LocalDate adjustOn,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        CheckRecordRequest(source, request);
        var audit = await DemandForMemberAsync(actor, Capabilities.RecordEntry, request.Member, cancellationToken).ConfigureAwait(false);
        return await AddEntryAsync(ruleBook, source, request, adjustment: true, async (id, ct) =>
        {
            var today = Today;
            Preconditions.CheckState(request.OccurredOn <= today, ErrorCodes.LedgerFutureOccurrence,
                $"The occurrence date {request.OccurredOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
            var covering = await publications.ListAsync(new PublicationsCovering(ruleBook.Id, request.OccurredOn), ct).ConfigureAwait(false);
            var frozen = covering.Where(p => p.IsFrozen)
                .OrderBy(p => Period.DaysBetween(p.PeriodStart, p.PeriodEnd))
                .ThenBy(p => p.Id.PeriodLabel, StringComparer.Ordinal)
                .FirstOrDefault();
            Preconditions.CheckState(frozen is not null, ErrorCodes.LedgerNotInFrozenPeriod,
                $"{request.OccurredOn:yyyy-MM-dd} lies in no frozen period of rule book '{ruleBook.Id}'; record the entry with RecordAsync or DeclareAsync instead.");
            var points = PointsOf(ruleBook, request, adjustOn, today);
            return LedgerEntry.Record(id, ruleBook.Id, source, request, points, audit, clock.GetCurrentInstant(), adjustOn, frozen.Period.Label);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reviewer approves a declaration (审核通过), possibly with another discretionary value. Needs
    /// <see cref="Capabilities.ReviewDeclaration"/>: by default a secretary, committee member or rotating chair whose
    /// unit has the declaring member within its jurisdiction on the review date (today; a 双报到 registration counts),
    /// and never on their own declaration. The entry keeps the reviewing member and the post's unit.
    /// </summary>
    /// <param name="actor">Who reviews: normally a post, e.g. <c>Actor.Post(member, RoleKind.Secretary, unit)</c>.</param>
    /// <param name="ruleBook">The rule book of the entry (to check a discretionary value).</param>
    /// <param name="entry">The declared entry.</param>
    /// <param name="value">For a discretionary item: the value approved, within the version's Minimum..Maximum; <c>null</c>
    /// to approve the declared value. Refused for any other item.</param>
    /// <param name="note">The reviewer's note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The approved entry.</returns>
    /// <exception cref="GridGovernanceValidationException">The rule book is not the entry's.</exception>
    /// <exception cref="EntityNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not review the declaration (code <c>points.forbidden</c>): outside
    /// the jurisdiction, not holding the post, the wrong role, or their own declaration.</exception>
    /// <exception cref="IllegalTransitionException">The entry is not <see cref="LedgerEntryStatus.Declared"/>.</exception>
    /// <exception cref="GridGovernanceException">The value is wrong, or the occurrence date lies in a frozen period (reject the
    /// declaration and record an adjustment instead).</exception>
    public async Task<LedgerEntry> ApproveAsync(Actor actor, RuleBook ruleBook, LedgerEntryId entry, Points? value = null, string? note = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        InputPolicy.CheckFreeTexts("The approval", ("note", note));
        var found = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckArgument(found.RuleBookId == ruleBook.Id, nameof(ruleBook), $"{entry} belongs to rule book '{found.RuleBookId}', not '{ruleBook.Id}'.");
        var audit = await DemandOnEntryAsync(actor, Capabilities.ReviewDeclaration, found, cancellationToken).ConfigureAwait(false);
        var approved = await WriteAsync(async () =>
        {
            var loaded = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            loaded.CheckCanMove(LedgerEntryStatus.Approved, audit);
            var points = value is Points given ? DiscretionaryValue(ruleBook, loaded, given) : loaded.Points;
            var guarded = await OpenPublicationsAsync(loaded.RuleBookId, loaded.OccurredOn, cancellationToken).ConfigureAwait(false);
            loaded.Approve(actor, audit, points, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetCurrentInstant());
            await entries.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await SaveAsync(guarded, cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken).ConfigureAwait(false);
        GridGovernanceTelemetry.Approvals.Add(1);
        logger.DeclarationApproved(approved.Id, actor);
        return approved;
    }

    /// <summary>
    /// A reviewer rejects a declaration (审核不通过) with a reason. The same authority rule as <see cref="ApproveAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerEntryId, GridGovernance.Points?, string?, System.Threading.CancellationToken)"/>
    /// applies (<see cref="Capabilities.ReviewDeclaration"/>). A declaration whose period has been frozen can still be rejected.
    /// </summary>
    /// <param name="actor">Who reviews.</param>
    /// <param name="entry">The declared entry.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The rejected entry.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="EntityNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not review the declaration (code <c>points.forbidden</c>).</exception>
    /// <exception cref="IllegalTransitionException">The entry is not <see cref="LedgerEntryStatus.Declared"/>.</exception>
    public async Task<LedgerEntry> RejectAsync(Actor actor, LedgerEntryId entry, string reason, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotBlank(reason);
        InputPolicy.CheckFreeTexts("The rejection", ("reason", reason));
        var found = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
        var audit = await DemandOnEntryAsync(actor, Capabilities.ReviewDeclaration, found, cancellationToken).ConfigureAwait(false);
        return await WriteAsync(async () =>
        {
            var loaded = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            loaded.Reject(actor, audit, reason.Trim(), clock.GetCurrentInstant());
            await entries.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels an approved entry (冲销) by appending a reversal entry that references it (same member, item and day,
    /// negated points) and marking it <see cref="LedgerEntryStatus.Reversed"/>; both are written together. Neither counts
    /// in an assessment afterwards, so assessing the ledger equals assessing it without either. Calling again for the
    /// same entry returns the first reversal. Needs <see cref="Capabilities.ReverseEntry"/>: by default the system or a
    /// secretary whose unit has the entry's member within its jurisdiction, never on their own entry (a member does not
    /// cancel their own deduction).
    /// </summary>
    /// <param name="actor">Who cancels it.</param>
    /// <param name="original">The approved entry to cancel.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The reversal entry.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="reason"/> is blank. The id is <c>default</c> (code <c>value.invalid</c>, naming <paramref name="original"/>).</exception>
    /// <exception cref="EntityNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not reverse the entry (code <c>points.forbidden</c>).</exception>
    /// <exception cref="IllegalTransitionException">The entry is not <see cref="LedgerEntryStatus.Approved"/>.</exception>
    /// <exception cref="GridGovernanceException">The entry is itself a reversal (<see cref="ErrorCodes.LedgerReversalNotReversible"/>),
    /// or its occurrence date lies in a frozen period (<see cref="ErrorCodes.LedgerPeriodFrozen"/>; record an adjustment instead).</exception>
    public async Task<LedgerEntry> ReverseAsync(Actor actor, LedgerEntryId original, string reason, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckSpecified(original.IsSpecified, nameof(original), "original must be a real entry id, not default.");
        Preconditions.CheckNotBlank(reason);
        InputPolicy.CheckFreeTexts("The reversal", ("reason", reason));
        string key = ReversalKeyPrefix + original.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audit = await DemandOnEntryAsync(actor, Capabilities.ReverseEntry, await LoadAsync(original, cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return await WriteAsync(async () =>
        {
            var id = await NextIdAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindByKeyAsync(key, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing;
            }
            var entry = await LoadAsync(original, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(!entry.IsReversal, ErrorCodes.LedgerReversalNotReversible,
                $"{entry.Id} is a reversal of {entry.ReversalOf}; a reversal cannot itself be reversed. Record a new entry instead.");
            entry.CheckCanMove(LedgerEntryStatus.Reversed, audit);
            var guarded = await OpenPublicationsAsync(entry.RuleBookId, entry.OccurredOn, cancellationToken).ConfigureAwait(false);
            var reversal = LedgerEntry.CreateReversal(id, entry, key, audit, reason.Trim(), clock.GetCurrentInstant());
            entry.MarkReversed(id, audit, reason.Trim());
            await entries.AddAsync(reversal, cancellationToken).ConfigureAwait(false);
            await entries.UpdateAsync(entry, cancellationToken).ConfigureAwait(false);
            await SaveAsync(guarded, cancellationToken).ConfigureAwait(false);
            return reversal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An entry by id.</summary>
    /// <param name="entry">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such entry.</exception>
    public Task<LedgerEntry> GetAsync(LedgerEntryId entry, CancellationToken cancellationToken = default) => LoadAsync(entry, cancellationToken);

    /// <summary>A member's entries of every state, in recorded order: their itemised ledger (明细账), for an export of their history.</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(MemberId member, CancellationToken cancellationToken = default) =>
        entries.ListAsync(new LedgerEntriesOfMember(member), cancellationToken);

    /// <summary>The points of a new entry under the version in force on <paramref name="countedOn"/>; throws when the request does not fit it.</summary>
    private static Points PointsOf(RuleBook ruleBook, LedgerEntryRequest request, LocalDate countedOn, LocalDate today) =>
        PointsOf(ruleBook, request.ItemCode, request.Value, request.Tier, request.AfterReminder, countedOn, today);

    /// <summary>The points of a new entry (a member's or a unit's) under the version in force on <paramref name="countedOn"/>; throws when the request does not fit it.</summary>
    internal static Points PointsOf(RuleBook ruleBook, string code, Points? value, string? requestTier, bool afterReminder, LocalDate countedOn, LocalDate today)
    {
        Preconditions.CheckState(countedOn <= today, ErrorCodes.LedgerFutureOccurrence,
            $"The occurrence date {countedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); points are recorded for what has happened.");
        var version = VersionOf(ruleBook, code, countedOn);
        int factor = afterReminder && version.DoubleAfterReminder ? 2 : 1;
        switch (version.Kind)
        {
            case ItemKind.Threshold:
            case ItemKind.AutomaticGrant:
                throw new GridGovernanceException(ErrorCodes.LedgerItemNotDeclarable,
                    $"Item '{code}' is a {version.Kind} item: the assessment computes it for every member, so it cannot be declared or recorded.");
            case ItemKind.Discretionary:
                CheckNoTier(code, version, requestTier);
                Preconditions.CheckState(value is not null, ErrorCodes.LedgerValueRequired,
                    $"Item '{code}' is discretionary: give a value between {version.Minimum} and {version.Maximum}.");
                CheckRange(code, version, value.Value);
                return value.Value;
            case ItemKind.Tiered:
                CheckNoValue(code, version, value);
                var tiers = version.Tiers;
                int tier = requestTier is null ? -1 : LedgerChecks.IndexOfTier(version, requestTier);
                Preconditions.CheckState(tier >= 0, ErrorCodes.LedgerInvalidTier,
                    $"Item '{code}' is tiered: give one of the tiers {string.Join(", ", tiers.Select(t => t.Code))}; '{requestTier}' is not one of them.");
                return Points.FromUnits(tiers[tier].Points.Units * factor);
            default:
                CheckNoValue(code, version, value);
                CheckNoTier(code, version, requestTier);
                return Points.FromUnits(version.Points.Units * factor);
        }
    }

    private static Points DiscretionaryValue(RuleBook ruleBook, LedgerEntry entry, Points value)
    {
        var version = VersionOf(ruleBook, entry.ItemCode, entry.OccurredOn);
        Preconditions.CheckState(version.Kind == ItemKind.Discretionary, ErrorCodes.LedgerValueNotAllowed,
            $"Item '{entry.ItemCode}' is a {version.Kind} item; only a discretionary item is approved with a value.");
        CheckRange(entry.ItemCode, version, value);
        return value;
    }

    internal static RuleItemVersion VersionOf(RuleBook ruleBook, string code, LocalDate date)
    {
        Preconditions.CheckState(ruleBook.HasItem(code), ErrorCodes.LedgerUnknownItem, $"Rule book '{ruleBook.Id}' has no item '{code}'.");
        int item = ruleBook.IndexOfItem(code);
        return ruleBook.VersionOn(item, date)
            ?? throw new GridGovernanceException(ErrorCodes.LedgerNoVersionInForce,
                $"Item '{code}' of rule book '{ruleBook.Id}' has no version in force on {date:yyyy-MM-dd}; its first version takes effect on {ruleBook.Items[item].Versions.Min(v => v.EffectiveFrom):yyyy-MM-dd}.");
    }

    private static void CheckRange(string code, RuleItemVersion version, Points value) =>
        Preconditions.CheckState(value >= version.Minimum!.Value && value <= version.Maximum!.Value, ErrorCodes.LedgerValueOutOfRange,
            $"Item '{code}' takes a value between {version.Minimum} and {version.Maximum}; {value} is outside that range.");

    private static void CheckNoValue(string code, RuleItemVersion version, Points? value) =>
        Preconditions.CheckState(value is null, ErrorCodes.LedgerValueNotAllowed,
            $"Item '{code}' is a {version.Kind} item with points set by the rule book; a value ({value}) is only given for a discretionary item.");

    private static void CheckNoTier(string code, RuleItemVersion version, string? tier) =>
        Preconditions.CheckState(tier is null, ErrorCodes.LedgerInvalidTier, $"Item '{code}' is a {version.Kind} item, not a tiered one; it takes no tier ('{tier}' given).");

    private static void CheckRequest(LedgerEntryRequest request)
    {
        Preconditions.CheckNotNull(request);
        const string what = "The ledger request";
        string? key = request.Member.IsSpecified ? request.Member.ToString() : null;
        var problems = new List<ValidationProblem?>
        {
            request.Member.IsSpecified ? null : new ValidationProblem("request.Member", null, ErrorCodes.InvalidValue, "Member must be a real member id, not default."),
            InputPolicy.CheckText(request.ItemCode, "request.ItemCode", key, InputPolicy.MaxKeyLength),
            InputPolicy.CheckText(request.IdempotencyKey, "request.IdempotencyKey", key, MaxKeyLength),
            InputPolicy.CheckText(request.Tier, "request.Tier", key, InputPolicy.MaxKeyLength, required: false),
            request.Tier is not null && string.IsNullOrWhiteSpace(request.Tier)
                ? new ValidationProblem("request.Tier", key, ErrorCodes.InvalidValue, "Tier must be null or a tier code, not blank.") : null,
            InputPolicy.CheckText(request.Evidence, "request.Evidence", key, InputPolicy.MaxFreeTextLength, required: false, freeText: true),
            request.IdempotencyKey?.StartsWith(ReversalKeyPrefix, StringComparison.Ordinal) == true
                ? new ValidationProblem("request.IdempotencyKey", key, ErrorCodes.InvalidValue, $"IdempotencyKey must not start with '{ReversalKeyPrefix}'; those keys are the ledger's own.") : null,
            request.Value is Points value && (value > MaxValue || value < -MaxValue)
                ? new ValidationProblem("request.Value", key, ErrorCodes.OutOfRange, $"Value must be between -{MaxValue} and {MaxValue} points; it was {value}.") : null,
        };
        InputPolicy.ThrowIfAny(what, problems);
    }

    /// <summary>The largest value a request may give (±1,000,000 points, the most one occurrence of any item may be worth).</summary>
    private static readonly Points MaxValue = Points.From(1_000_000);

    private static void CheckRecordRequest(LedgerSource source, LedgerEntryRequest request)
    {
        InputPolicy.ThrowIfAny("The ledger record",
        [
            InputPolicy.CheckDefined(source, nameof(source), null),
            source == LedgerSource.Declaration
                ? new ValidationProblem(nameof(source), null, ErrorCodes.InvalidValue, "A declaration goes through DeclareAsync and review; choose the automatic source or Adjustment.") : null,
        ]);
        CheckRequest(request);
    }

    /// <summary>Returns the first entry of a key when the replayed request matches it; throws when the key was used for something else.</summary>
    private static LedgerEntry Replayed(LedgerEntry existing, string ruleBookId, LedgerSource source, LedgerEntryRequest request, bool adjustment)
    {
        bool same = existing.RuleBookId == ruleBookId && existing.Member == request.Member && existing.ItemCode == request.ItemCode
                    && existing.Source == source && existing.IsAdjustment == adjustment && !existing.IsReversal
                    && (existing.OriginallyOccurredOn ?? existing.OccurredOn) == request.OccurredOn;
        Preconditions.CheckState(same, ErrorCodes.IdempotencyKeyConflict,
            $"Idempotency key '{request.IdempotencyKey}' was already used for {existing.Id} ({existing.Member}, '{existing.ItemCode}', {existing.Source}, "
            + $"{existing.OriginallyOccurredOn ?? existing.OccurredOn:yyyy-MM-dd}); a retry must repeat the original request, and a new entry needs a new key.");
        return existing;
    }

    /// <summary>Demands <paramref name="capability"/> on a new entry of <paramref name="member"/>; returns the actor's audit form.</summary>
    private async Task<LedgerActor> DemandForMemberAsync(Actor actor, Capability capability, MemberId member, CancellationToken cancellationToken)
    {
        var subject = AuthoritySubject.OfMember("new ledger entry of " + ActorNames.ForMember(member), member);
        await authority.DemandAsync(actor, capability, subject, Today, cancellationToken).ConfigureAwait(false);
        return LedgerActor.Of(actor);
    }

    /// <summary>Demands <paramref name="capability"/> on a stored entry (it sits at, and is owned by, its member); returns the actor's audit form.</summary>
    private async Task<LedgerActor> DemandOnEntryAsync(Actor actor, Capability capability, LedgerEntry entry, CancellationToken cancellationToken)
    {
        var subject = AuthoritySubject.OfMember(LabelOf(entry.Id), entry.Member);
        await authority.DemandAsync(actor, capability, subject, Today, cancellationToken).ConfigureAwait(false);
        return LedgerActor.Of(actor);
    }

    private static string LabelOf(LedgerEntryId id) => "ledger-entry:" + id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Member> CheckOnRosterAsync(MemberId member, LocalDate date, CancellationToken cancellationToken)
    {
        var found = await members.GetByIdAsync(member, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(nameof(Member), member);
        Preconditions.CheckState(found.BranchOn(date) is not null, ErrorCodes.NotOnRoster, $"{member} was not on the roster on {date:yyyy-MM-dd}.");
        return found;
    }

    /// <summary>Refuses an item the member's kind may not earn (the engine would silently score it 0).</summary>
    private static void CheckEligible(RuleBook ruleBook, string code, LocalDate countedOn, Member member)
    {
        var version = VersionOf(ruleBook, code, countedOn);
        Preconditions.CheckState(Engine.CompiledRuleBook.Eligible(version, member.Kind), ErrorCodes.LedgerNotEligible,
            $"Item '{code}' is for {string.Join(", ", version.EligibleKinds)} members only; {member.Id} is a {member.Kind} member, so the entry would never count.");
    }

    /// <summary>The publications covering a date, none frozen (throws otherwise); a write into the date re-saves them as a guard.</summary>
    private async Task<IReadOnlyList<PeriodPublication>> OpenPublicationsAsync(string ruleBookId, LocalDate date, CancellationToken cancellationToken)
    {
        var covering = await publications.ListAsync(new PublicationsCovering(ruleBookId, date), cancellationToken).ConfigureAwait(false);
        var frozen = covering.FirstOrDefault(p => p.IsFrozen);
        if (frozen is not null)
        {
            throw new GridGovernanceException(ErrorCodes.LedgerPeriodFrozen,
                $"{date:yyyy-MM-dd} lies in period {frozen.Period.Label} of rule book '{ruleBookId}', frozen on {frozen.FrozenOn:yyyy-MM-dd}; "
                + "its results never change. Record a late correction with RecordAdjustmentAsync, dated in an open period.");
        }
        return covering;
    }

    private async Task SaveAsync(IReadOnlyList<PeriodPublication> guarded, CancellationToken cancellationToken)
    {
        foreach (var publication in guarded)
        {
            await publications.UpdateAsync(publication, cancellationToken).ConfigureAwait(false);
        }
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The write behind declare, record and adjust: the idempotency check, then <paramref name="create"/> (which checks the
    /// item), the roster and the period's guards, and the entry added with the guards in one save.
    /// </summary>
    private Task<LedgerEntry> AddEntryAsync(RuleBook ruleBook, LedgerSource source, LedgerEntryRequest request, bool adjustment,
        Func<LedgerEntryId, CancellationToken, Task<LedgerEntry>> create, CancellationToken cancellationToken) =>
        WriteAsync(async () =>
        {
            var id = await NextIdAsync(cancellationToken).ConfigureAwait(false);
            var existing = await FindByKeyAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return Replayed(existing, ruleBook.Id, source, request, adjustment);
            }
            var entry = await create(id, cancellationToken).ConfigureAwait(false);
            var member = await CheckOnRosterAsync(request.Member, request.OccurredOn, cancellationToken).ConfigureAwait(false);
            CheckEligible(ruleBook, request.ItemCode, entry.OccurredOn, member);
            var guarded = await OpenPublicationsAsync(ruleBook.Id, entry.OccurredOn, cancellationToken).ConfigureAwait(false);
            await entries.AddAsync(entry, cancellationToken).ConfigureAwait(false);
            await SaveAsync(guarded, cancellationToken).ConfigureAwait(false);
            return entry;
        }, cancellationToken);

    /// <summary>
    /// Stages automatic awards in the caller's unit of work without saving them, for a command of another module that
    /// must write its own change and its awards together (a project completed with its members' points, an order resolved
    /// with its resolver's, a wish fulfilled with its claimant's). The caller saves once; a failed save writes none of it.
    /// </summary>
    /// <remarks>
    /// Each request is checked as <see cref="RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/> checks it. A key already stored is the award's stored fact:
    /// it is returned (the replay must match it, as for <see cref="RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/>) and nothing is staged for it. A member
    /// who may not receive the award (not stored, or not on the roster on the day) is returned with the refusal and
    /// nothing staged; the caller decides whether that refuses the whole command. Any other problem (the item, a frozen
    /// period, the authority) throws and leaves the unit of work to the caller's retry, which discards it.
    /// Ids are handed out from the highest stored id, so run this inside the caller's <see cref="UnitOfWorkRetry"/>.
    /// <para>
    /// With <paramref name="newFact"/> the caller's own change is new in this unit of work (the project is completed, the
    /// wish fulfilled by this very call), so none of its awards can be stored yet: a stored key means another writer
    /// completed it after the caller read it, and a <see cref="ConcurrencyException"/> sends the caller's retry back
    /// to a fresh load, where it finds that writer's facts.
    /// </para>
    /// </remarks>
    internal async Task<IReadOnlyList<StagedAward>> StageAwardsAsync(Actor actor, RuleBook ruleBook, LedgerSource source, IReadOnlyList<LedgerEntryRequest> requests,
        bool newFact, CancellationToken cancellationToken)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckNotNull(requests);
        foreach (var request in requests)
        {
            CheckRecordRequest(source, request);
        }
        var audits = new LedgerActor[requests.Count];
        for (int i = 0; i < requests.Count; i++)
        {
            audits[i] = await DemandForMemberAsync(actor, Capabilities.RecordEntry, requests[i].Member, cancellationToken).ConfigureAwait(false);
        }
        // The highest id first, then the keys: as in AddEntryAsync, two writers of one key can never both add it.
        var next = await NextIdAsync(cancellationToken).ConfigureAwait(false);
        var staged = new List<StagedAward>(requests.Count);
        var guards = new Dictionary<PeriodPublicationId, PeriodPublication>();
        var now = clock.GetCurrentInstant();
        for (int i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var existing = await FindByKeyAsync(request.IdempotencyKey, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (newFact)
                {
                    throw new ConcurrencyException(nameof(LedgerEntry), existing.Id, 0, existing.Version);
                }
                staged.Add(new StagedAward(request, Replayed(existing, ruleBook.Id, source, request, adjustment: false), null));
                continue;
            }
            var entry = LedgerEntry.Record(next, ruleBook.Id, source, request, PointsOf(ruleBook, request, request.OccurredOn, Today), audits[i], now);
            try
            {
                await CheckOnRosterAsync(request.Member, request.OccurredOn, cancellationToken).ConfigureAwait(false);
            }
            catch (GridGovernanceException refused) when (refused.Code is ErrorCodes.NotOnRoster or ErrorCodes.NotFound)
            {
                staged.Add(new StagedAward(request, null, refused));
                continue;
            }
            foreach (var publication in await OpenPublicationsAsync(ruleBook.Id, entry.OccurredOn, cancellationToken).ConfigureAwait(false))
            {
                guards.TryAdd(publication.Id, publication);
            }
            await entries.AddAsync(entry, cancellationToken).ConfigureAwait(false);
            staged.Add(new StagedAward(request, entry, null));
            next = new LedgerEntryId(next.Value + 1);
        }
        foreach (var publication in guards.Values)
        {
            await publications.UpdateAsync(publication, cancellationToken).ConfigureAwait(false);
        }
        return staged;
    }

    /// <summary>The stored entry of an idempotency key, or <c>null</c>.</summary>
    internal Task<LedgerEntry?> FindAwardAsync(string key, CancellationToken cancellationToken) => FindByKeyAsync(key, cancellationToken);

    /// <summary>Whether <paramref name="unitOfWork"/> is the one this ledger stages in (a command that stages awards must save the same one).</summary>
    internal bool SharesUnitOfWork(IUnitOfWork unitOfWork) => ReferenceEquals(this.unitOfWork, unitOfWork);

    private async Task<LedgerEntry> LoadAsync(LedgerEntryId id, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string paramName = "")
    {
        Preconditions.CheckSpecified(id.IsSpecified, paramName, $"{paramName} must be a real entry id, not default.");
        return await entries.GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(nameof(LedgerEntry), id);
    }

    private async Task<LedgerEntryId> NextIdAsync(CancellationToken cancellationToken)
    {
        var latest = await entries.FirstOrDefaultAsync(new LatestLedgerEntry(), cancellationToken).ConfigureAwait(false);
        return new LedgerEntryId((latest?.Id.Value ?? 0) + 1);
    }

    private Task<LedgerEntry?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        entries.SingleOrDefaultAsync(new LedgerEntryByIdempotencyKey(key), cancellationToken);

    private Task<T> WriteAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, attempt, cancellationToken, logger);
}

/// <summary>One award staged by <see cref="PointsLedgerService.StageAwardsAsync"/>: the entry (new and staged, or stored under the key), or why the member may not receive it.</summary>
internal sealed record StagedAward(LedgerEntryRequest Request, LedgerEntry? Entry, GridGovernanceException? Refusal);
