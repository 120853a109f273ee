using System.Collections.Immutable;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Stars;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// The application service of organisation points (组织积分): the stored unit ledger (<see cref="UnitLedgerEntry"/>), its
/// review, the assessment of a period under a unit rule book of the catalogue (<see cref="UnitAssessmentEngine"/>) and
/// the stored publication (<see cref="UnitPublication"/>) that rankings and stars read. Yibin: 单位申报 → 区域党委审核 →
/// 每季度公示, organs rated by points.
/// </summary>
/// <remarks>
/// <para>
/// Every command names its <see cref="Actor"/> and asks the <see cref="IAuthorityPolicy"/> before anything is written (a
/// refusal is <see cref="ForbiddenException"/>, code <c>points.forbidden</c>, and changes nothing):
/// <see cref="Capabilities.DeclareUnitPoints"/> over the unit for a declaration (by default its own secretary or a committee
/// member, a post on that very unit); <see cref="Capabilities.RecordEntry"/> for a record (the system, or a post whose
/// jurisdiction covers the unit); <see cref="Capabilities.ReviewDeclaration"/> for a review (a post whose jurisdiction
/// covers the unit: its parent's secretary, or a regional committee's (区域党委) secretary or rotating chair for the units
/// under the communities it spans); <see cref="Capabilities.PublishPeriod"/> to publish. A unit never records or reviews
/// its own points: a post on the entry's unit, and the member who declared it, are refused as self-dealing.
/// </para>
/// <para>
/// Writes that add an entry are idempotent by key: the same key twice returns the first entry and writes nothing; a key
/// reused for another request is <see cref="ErrorCodes.IdempotencyKeyConflict"/>. Entry ids are handed out in recorded
/// order and every write is retried from a fresh read on a concurrency conflict (<see cref="UnitOfWorkRetry"/>).
/// A published period is final: a new or approved entry dated in it is <see cref="ErrorCodes.LedgerPeriodFrozen"/>.
/// </para>
/// </remarks>
[Immutable]
public sealed class UnitPointsService
{
    private const int MaxKeyLength = 200;

    private readonly IRepository<UnitLedgerEntry> entries;
    private readonly IRepository<UnitPublication> publications;
    private readonly IReadRepository<StoredRuleBook> ruleBooks;
    private readonly IReadRepository<OrgUnit> units;
    private readonly OrganisationQueries organisation;
    private readonly IAuthorityPolicy authority;
    private readonly IUnitOfWork unitOfWork;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;
    private readonly ILogger logger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="entries">Unit ledger entries.</param>
    /// <param name="publications">Unit publications.</param>
    /// <param name="ruleBooks">The rule-book catalogue's stored books.</param>
    /// <param name="units">Units, to check the unit is open on the day.</param>
    /// <param name="organisation">The organisation queries (the hierarchy of a day, for rankings within a jurisdiction).</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where retries are logged, or <c>null</c> for nowhere.</param>
    public UnitPointsService(
        IRepository<UnitLedgerEntry> entries,
        IRepository<UnitPublication> publications,
        IReadRepository<StoredRuleBook> ruleBooks,
        IReadRepository<OrgUnit> units,
        OrganisationQueries organisation,
        IAuthorityPolicy authority,
        IUnitOfWork unitOfWork,
        GridGovernanceOptions options,
        IClock clock,
        ILogger<UnitPointsService>? logger = null)
    {
        this.entries = Preconditions.CheckNotNull(entries);
        this.publications = Preconditions.CheckNotNull(publications);
        this.ruleBooks = Preconditions.CheckNotNull(ruleBooks);
        this.units = Preconditions.CheckNotNull(units);
        this.organisation = Preconditions.CheckNotNull(organisation);
        this.authority = Preconditions.CheckNotNull(authority);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Today's date in the configured zone.</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>
    /// A unit declares organisation points (单位申报) under the latest version of a unit rule book of the catalogue: the entry
    /// is <see cref="LedgerEntryStatus.Declared"/> and waits for review. The same key twice returns the first entry.
    /// </summary>
    /// <param name="actor">Who declares: a post on the unit itself (<see cref="Capabilities.DeclareUnitPoints"/>).</param>
    /// <param name="ruleBook">The unit rule book in the catalogue.</param>
    /// <param name="request">What is declared.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The declared entry (or the one first recorded with the key).</returns>
    /// <exception cref="GridGovernanceValidationException">The request is incomplete or breaks the <see cref="InputPolicy"/>, or the rule book reads member kinds.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book, or the unit does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not declare for the unit (<c>points.forbidden</c>); nothing changed.</exception>
    /// <exception cref="GridGovernanceException">The item is unknown or its value or tier is wrong (<c>points.*</c>), the date is in the future
    /// or in a published period, the unit was not open on the day (<c>hierarchy.unit-closed</c>), or the key was used for another request.</exception>
    public async Task<UnitLedgerEntry> DeclareAsync(Actor actor, RuleBookId ruleBook, UnitLedgerEntryRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        CheckRequest(request);
        var audit = await DemandOnUnitAsync(actor, Capabilities.DeclareUnitPoints, "new unit ledger entry of " + request.Unit, request.Unit, null, allowOwnUnit: true, cancellationToken)
            .ConfigureAwait(false);
        var book = await LoadBookAsync(ruleBook, cancellationToken).ConfigureAwait(false);
        MemberId? declarer = actor.IsMember ? actor.MemberId : null;
        return await AddAsync(book, LedgerSource.Declaration, request,
            (id, points) => UnitLedgerEntry.Declare(id, book.Id, request, points, audit, declarer, clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records an approved entry that needs no review (an automatic source, or a manual record by a post above the unit)
    /// under the latest version of a unit rule book of the catalogue. The same key twice returns the first entry.
    /// </summary>
    /// <param name="actor">Who records: the system, or a post whose jurisdiction covers the unit, never one on the unit itself (<see cref="Capabilities.RecordEntry"/>).</param>
    /// <param name="ruleBook">The unit rule book in the catalogue.</param>
    /// <param name="source">Where it comes from; not <see cref="LedgerSource.Declaration"/>.</param>
    /// <param name="request">What is recorded.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The recorded entry (or the one first recorded with the key).</returns>
    /// <exception cref="GridGovernanceValidationException">The source is a declaration or undefined, or the request is incomplete.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book, or the unit does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not record for the unit (<c>points.forbidden</c>); nothing changed.</exception>
    /// <exception cref="GridGovernanceException">As for <see cref="DeclareAsync"/>.</exception>
    public async Task<UnitLedgerEntry> RecordAsync(Actor actor, RuleBookId ruleBook, LedgerSource source, UnitLedgerEntryRequest request, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        InputPolicy.ThrowIfAny("The unit ledger record",
        [
            InputPolicy.CheckDefined(source, nameof(source), null),
            source == LedgerSource.Declaration
                ? new ValidationProblem(nameof(source), null, ErrorCodes.InvalidValue, "A declaration goes through DeclareAsync and review; choose the automatic source or Adjustment.") : null,
        ]);
        CheckRequest(request);
        var audit = await DemandOnUnitAsync(actor, Capabilities.RecordEntry, "new unit ledger entry of " + request.Unit, request.Unit, null, allowOwnUnit: false, cancellationToken)
            .ConfigureAwait(false);
        var book = await LoadBookAsync(ruleBook, cancellationToken).ConfigureAwait(false);
        return await AddAsync(book, source, request,
            (id, points) => UnitLedgerEntry.Record(id, book.Id, source, request, points, audit, clock.GetCurrentInstant()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A reviewer approves a unit's declaration (审核通过), possibly with another discretionary value, under the latest
    /// version of the entry's rule book in the catalogue.
    /// </summary>
    /// <param name="actor">Who reviews: a post whose jurisdiction covers the unit (a regional committee's for the units in its span), not on the unit itself, not the declarer (<see cref="Capabilities.ReviewDeclaration"/>).</param>
    /// <param name="entry">The declared entry.</param>
    /// <param name="value">For a discretionary item: the value approved; <c>null</c> to approve the declared value.</param>
    /// <param name="note">The reviewer's note, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The approved entry.</returns>
    /// <exception cref="EntityNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not review it (<c>points.forbidden</c>); nothing changed.</exception>
    /// <exception cref="IllegalTransitionException">The entry is not declared (<c>points.illegal-transition</c>).</exception>
    /// <exception cref="GridGovernanceException">The value is wrong, or the day lies in a published period.</exception>
    public async Task<UnitLedgerEntry> ApproveAsync(Actor actor, UnitLedgerEntryId entry, Points? value = null, string? note = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        InputPolicy.CheckFreeTexts("The approval", ("note", note));
        var found = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
        var audit = await DemandOnUnitAsync(actor, Capabilities.ReviewDeclaration, LabelOf(entry), found.Unit, found.DeclaredBy, allowOwnUnit: false, cancellationToken)
            .ConfigureAwait(false);
        var book = await LoadBookAsync(new RuleBookId(found.RuleBookId), cancellationToken).ConfigureAwait(false);
        return await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            loaded.CheckCanMove(LedgerEntryStatus.Approved, audit);
            Points points = loaded.Points;
            if (value is Points given)
            {
                var version = PointsLedgerService.VersionOf(book, loaded.ItemCode, loaded.OccurredOn);
                Preconditions.CheckState(version.Kind == ItemKind.Discretionary, ErrorCodes.LedgerValueNotAllowed,
                    $"Item '{loaded.ItemCode}' is a {version.Kind} item; only a discretionary item is approved with a value.");
                Preconditions.CheckState(given >= version.Minimum!.Value && given <= version.Maximum!.Value, ErrorCodes.LedgerValueOutOfRange,
                    $"Item '{loaded.ItemCode}' takes a value between {version.Minimum} and {version.Maximum}; {given} is outside that range.");
                points = given;
            }
            await CheckNotPublishedAsync(loaded.RuleBookId, loaded.OccurredOn, cancellationToken).ConfigureAwait(false);
            loaded.Approve(actor, audit, points, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), clock.GetCurrentInstant());
            await entries.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken, logger).ConfigureAwait(false);
    }

    /// <summary>A reviewer rejects a unit's declaration (审核不通过) with a reason; the same authority rule as <see cref="ApproveAsync"/>.</summary>
    /// <param name="actor">Who reviews.</param>
    /// <param name="entry">The declared entry.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The rejected entry.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="EntityNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not review it (<c>points.forbidden</c>); nothing changed.</exception>
    /// <exception cref="IllegalTransitionException">The entry is not declared.</exception>
    public async Task<UnitLedgerEntry> RejectAsync(Actor actor, UnitLedgerEntryId entry, string reason, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotBlank(reason);
        InputPolicy.CheckFreeTexts("The rejection", ("reason", reason));
        var found = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
        var audit = await DemandOnUnitAsync(actor, Capabilities.ReviewDeclaration, LabelOf(entry), found.Unit, found.DeclaredBy, allowOwnUnit: false, cancellationToken)
            .ConfigureAwait(false);
        return await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(entry, cancellationToken).ConfigureAwait(false);
            loaded.Reject(actor, audit, reason.Trim(), clock.GetCurrentInstant());
            await entries.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken, logger).ConfigureAwait(false);
    }

    /// <summary>An entry by id.</summary>
    /// <param name="entry">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">There is no such entry.</exception>
    public Task<UnitLedgerEntry> GetAsync(UnitLedgerEntryId entry, CancellationToken cancellationToken = default) => LoadAsync(entry, cancellationToken);

    /// <summary>
    /// Assesses units over a period from the stored ledger (its approved entries of the period) under the latest version of a
    /// unit rule book of the catalogue (Yibin: a quarter). Reads only.
    /// </summary>
    /// <param name="ruleBook">The unit rule book in the catalogue.</param>
    /// <param name="period">The period.</param>
    /// <param name="assessed">The units assessed, each once.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One line per unit, in unit id order.</returns>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book.</exception>
    /// <exception cref="GridGovernanceValidationException">The rule book reads member kinds, or a unit is default or named twice.</exception>
    public async Task<UnitAssessmentResult> AssessAsync(RuleBookId ruleBook, AssessmentPeriod period, IReadOnlyList<OrgUnitId> assessed, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(assessed);
        var book = await LoadBookAsync(ruleBook, cancellationToken).ConfigureAwait(false);
        return await AssessCoreAsync(book, period, assessed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Assesses a period that has ended and stores its publication (定期公示, <see cref="UnitPublication"/>), so that rankings
    /// and stars read what was published. Idempotent on retry: when the period is already published under the rule book
    /// with exactly these lines, the stored publication is returned and nothing changes.
    /// </summary>
    /// <param name="actor">Who publishes: by default the secretary of a top-level unit (<see cref="Capabilities.PublishPeriod"/>).</param>
    /// <param name="ruleBook">The unit rule book in the catalogue.</param>
    /// <param name="period">The period; it must have ended.</param>
    /// <param name="assessed">The units assessed, each once.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The publication.</returns>
    /// <exception cref="ForbiddenException">The actor may not publish (<c>points.forbidden</c>); nothing changed.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book.</exception>
    /// <exception cref="GridGovernanceException">The period has not ended (<see cref="ErrorCodes.PublicationPeriodNotEnded"/>) or is already
    /// published with other lines (<see cref="ErrorCodes.PeriodAlreadyPublished"/>); nothing changed.</exception>
    public async Task<UnitPublication> PublishAsync(Actor actor, RuleBookId ruleBook, AssessmentPeriod period, IReadOnlyList<OrgUnitId> assessed, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(assessed);
        Preconditions.CheckSpecified(ruleBook.IsSpecified, nameof(ruleBook), "ruleBook must be a real rule book id, not default.");
        var id = new PeriodPublicationId(ruleBook.Value, period.Label);
        await authority.DemandAsync(actor, Capabilities.PublishPeriod, new AuthoritySubject("unit-" + id), Today, cancellationToken).ConfigureAwait(false);
        var audit = LedgerActor.Of(actor);
        var today = Today;
        Preconditions.CheckState(period.End < today, ErrorCodes.PublicationPeriodNotEnded,
            $"Period {period.Label} ends on {period.End:yyyy-MM-dd}; it can be published from the next day, not on {today:yyyy-MM-dd}.");
        var book = await LoadBookAsync(ruleBook, cancellationToken).ConfigureAwait(false);
        return await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var result = await AssessCoreAsync(book, period, assessed, cancellationToken).ConfigureAwait(false);
            var existing = await publications.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                Preconditions.CheckState(existing.Publishes(result), ErrorCodes.PeriodAlreadyPublished,
                    $"{id} was already published on {existing.PublishedOn:yyyy-MM-dd} with other organisation points (rule book version {existing.RuleBookVersion}); a published period never changes.");
                return existing;
            }
            var publication = UnitPublication.Publish(result, today, clock.GetCurrentInstant(), audit);
            await publications.AddAsync(publication, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return publication;
        }, cancellationToken, logger).ConfigureAwait(false);
    }

    /// <summary>A stored publication.</summary>
    /// <param name="publication">Its id: the unit rule book's id and the period's label.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">The period has not been published under that rule book.</exception>
    public async Task<UnitPublication> GetPublicationAsync(PeriodPublicationId publication, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(publication.IsSpecified, nameof(publication), "publication must be a real id, not default.");
        return await publications.GetByIdAsync(publication, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(nameof(UnitPublication), publication);
    }

    /// <summary>
    /// Ranks a publication's units (排名晾晒) from its stored lines, without re-assessing: every unit published, or, with a
    /// <paramref name="scope"/>, the units within that unit's jurisdiction on the period's last day (a regional committee's
    /// span included).
    /// </summary>
    /// <param name="publication">The publication.</param>
    /// <param name="scope">The unit whose jurisdiction is ranked, or <c>null</c> for every unit published.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The ranking (score descending, then unit id; competition ranks).</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="GridGovernanceValidationException">The scope was not open on the period's last day.</exception>
    public async Task<UnitRanking> RankAsync(PeriodPublicationId publication, OrgUnitId? scope = null, CancellationToken cancellationToken = default)
    {
        var published = await GetPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        if (scope is not OrgUnitId within)
        {
            return UnitAssessmentEngine.RankLines(published.Period, published.Lines, null, default);
        }
        var index = await organisation.BuildIndexAsync(published.PeriodEnd, cancellationToken).ConfigureAwait(false);
        return UnitAssessmentEngine.RankLines(published.Period, published.Lines, index, within);
    }

    /// <summary>Organisation stars (星级) of a publication's units by their published points (<see cref="UnitAssessmentEngine.Stars"/>).</summary>
    /// <param name="publication">The publication.</param>
    /// <param name="bands">The organisation bands.</param>
    /// <param name="vetoStarCap">The most stars a vetoed unit gets, or <c>null</c> for no cap.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per unit, in unit id order.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    public async Task<ImmutableArray<UnitStars>> StarsAsync(PeriodPublicationId publication, IReadOnlyList<StarBand> bands, int? vetoStarCap = null, CancellationToken cancellationToken = default)
    {
        var published = await GetPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        return UnitAssessmentEngine.StarsOf(published.Lines, bands, vetoStarCap);
    }

    private async Task<UnitAssessmentResult> AssessCoreAsync(RuleBook book, AssessmentPeriod period, IReadOnlyList<OrgUnitId> assessed, CancellationToken cancellationToken)
    {
        var stored = await entries.ListAsync(new UnitLedgerEntriesForAssessment(book.Id, period.Start, period.End), cancellationToken).ConfigureAwait(false);
        var mapped = new UnitEntry[stored.Count];
        for (int i = 0; i < mapped.Length; i++)
        {
            var e = stored[i];
            Preconditions.CheckState(book.HasItem(e.ItemCode), ErrorCodes.LedgerUnknownItem, $"{e.Id} names item '{e.ItemCode}', which rule book '{book.Id}' does not have.");
            int item = book.IndexOfItem(e.ItemCode);
            var version = book.VersionOn(item, e.OccurredOn);
            // An unknown tier becomes -1, which the engine counts as an ignored entry, as for members.
            int tier = e.Tier is null ? 0 : LedgerChecks.IndexOfTier(version, e.Tier);
            mapped[i] = new UnitEntry(e.Unit, item, e.OccurredOn, e.Id.Value)
            {
                Value = version?.Kind == ItemKind.Discretionary ? e.Points : Points.Zero,
                Tier = tier,
                AfterReminder = e.AfterReminder,
            };
        }
        return UnitAssessmentEngine.Assess(book, period, assessed, mapped);
    }

    private async Task<RuleBook> LoadBookAsync(RuleBookId ruleBook, CancellationToken cancellationToken)
    {
        var book = await RuleBookCatalogue.LatestAsync(ruleBooks, ruleBook, cancellationToken).ConfigureAwait(false);
        UnitAssessmentEngine.CheckUnitBook(book);
        return book;
    }

    /// <summary>The write behind declare and record: the idempotency check, the item, the unit on the day, published periods, and the entry in one save.</summary>
    private Task<UnitLedgerEntry> AddAsync(RuleBook book, LedgerSource source, UnitLedgerEntryRequest request, Func<UnitLedgerEntryId, Points, UnitLedgerEntry> create,
        CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var latest = await entries.FirstOrDefaultAsync(new LatestUnitLedgerEntry(), cancellationToken).ConfigureAwait(false);
            var id = new UnitLedgerEntryId((latest?.Id.Value ?? 0) + 1);
            var existing = await entries.SingleOrDefaultAsync(new UnitLedgerEntryByIdempotencyKey(request.IdempotencyKey), cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                bool same = existing.RuleBookId == book.Id && existing.Unit == request.Unit && existing.ItemCode == request.ItemCode
                            && existing.Source == source && existing.OccurredOn == request.OccurredOn;
                Preconditions.CheckState(same, ErrorCodes.IdempotencyKeyConflict,
                    $"Idempotency key '{request.IdempotencyKey}' was already used for {existing.Id} ({existing.Unit}, '{existing.ItemCode}', {existing.Source}, "
                    + $"{existing.OccurredOn:yyyy-MM-dd}); a retry must repeat the original request, and a new entry needs a new key.");
                return existing;
            }
            var points = PointsLedgerService.PointsOf(book, request.ItemCode, request.Value, request.Tier, request.AfterReminder, request.OccurredOn, Today);
            var unit = await units.GetByIdAsync(request.Unit, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(OrgUnit), request.Unit);
            Preconditions.CheckState(unit.IsOpenOn(request.OccurredOn), ErrorCodes.UnitClosed,
                $"{unit.Id} was not open on {request.OccurredOn:yyyy-MM-dd}; organisation points are recorded for the days a unit exists.");
            await CheckNotPublishedAsync(book.Id, request.OccurredOn, cancellationToken).ConfigureAwait(false);
            var entry = create(id, points);
            await entries.AddAsync(entry, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return entry;
        }, cancellationToken, logger);

    private async Task CheckNotPublishedAsync(string ruleBookId, LocalDate date, CancellationToken cancellationToken)
    {
        var covering = await publications.ListAsync(new UnitPublicationsCovering(ruleBookId, date), cancellationToken).ConfigureAwait(false);
        if (covering.Count > 0)
        {
            throw new GridGovernanceException(ErrorCodes.LedgerPeriodFrozen,
                $"{date:yyyy-MM-dd} lies in period {covering[0].Period.Label} of unit rule book '{ruleBookId}', published on {covering[0].PublishedOn:yyyy-MM-dd}; a published period never changes.");
        }
    }

    /// <summary>
    /// Demands <paramref name="capability"/> over <paramref name="unit"/>. A post on the unit itself (unless
    /// <paramref name="allowOwnUnit"/>) and the member who declared the entry are owners of the matter, so the policy refuses
    /// them as self-dealing.
    /// </summary>
    private async Task<LedgerActor> DemandOnUnitAsync(Actor actor, Capability capability, string label, OrgUnitId unit, MemberId? declaredBy, bool allowOwnUnit,
        CancellationToken cancellationToken)
    {
        MemberId? owner = declaredBy;
        if (!allowOwnUnit && actor.Kind == ActorKind.Post && actor.Unit == unit)
        {
            owner = actor.MemberId;
        }
        var subject = new AuthoritySubject(label) { Node = unit, Owner = owner };
        await authority.DemandAsync(actor, capability, subject, Today, cancellationToken).ConfigureAwait(false);
        return LedgerActor.Of(actor);
    }

    private static string LabelOf(UnitLedgerEntryId id) => "unit-ledger-entry:" + id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<UnitLedgerEntry> LoadAsync(UnitLedgerEntryId id, CancellationToken cancellationToken)
    {
        Preconditions.CheckSpecified(id.IsSpecified, "entry", "entry must be a real entry id, not default.");
        return await entries.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(UnitLedgerEntry), id);
    }

    private static void CheckRequest(UnitLedgerEntryRequest request)
    {
        Preconditions.CheckNotNull(request);
        string? key = request.Unit.IsSpecified ? request.Unit.ToString() : null;
        InputPolicy.ThrowIfAny("The unit ledger request",
        [
            request.Unit.IsSpecified ? null : new ValidationProblem("request.Unit", null, ErrorCodes.InvalidValue, "Unit must be a real unit id, not default."),
            InputPolicy.CheckText(request.ItemCode, "request.ItemCode", key, InputPolicy.MaxKeyLength),
            InputPolicy.CheckText(request.IdempotencyKey, "request.IdempotencyKey", key, MaxKeyLength),
            InputPolicy.CheckText(request.Tier, "request.Tier", key, InputPolicy.MaxKeyLength, required: false),
            InputPolicy.CheckText(request.Evidence, "request.Evidence", key, InputPolicy.MaxFreeTextLength, required: false, freeText: true),
            request.Value is Points value && (value > MaxValue || value < -MaxValue)
                ? new ValidationProblem("request.Value", key, ErrorCodes.OutOfRange, $"Value must be between -{MaxValue} and {MaxValue} points; it was {value}.") : null,
        ]);
    }

    private static readonly Points MaxValue = Points.From(1_000_000);
}
