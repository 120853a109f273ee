using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Statements;
using NodaTime;
using Microsoft.Extensions.Logging;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The application service of publication (定期公示), the last step of Yibin's 党员申报 → 区域党委审核 → 定期公示: a
/// period's results are published with a window of working days for objections (异议), objections are raised and
/// resolved, the results revised after an upheld one, and the period finally frozen.
/// </summary>
/// <remarks>
/// <para>
/// A publication is two aggregates with one id: the small <see cref="PeriodPublication"/> guard (window, objections,
/// status) and the <see cref="PublishedResults"/> (every member's line). Objections and the freeze change the guard
/// only; publishing writes both, and a revision saves both, so that it conflicts with a racing freeze.
/// </para>
/// <para>
/// Every write is saved in one unit of work and retried from a fresh read on a concurrency conflict, up to
/// <see cref="UnitOfWorkRetry.MaxAttempts"/> times (as the entry workflow's writes). Dates ("today", the publication
/// date) are reckoned in <see cref="GridGovernanceOptions.TimeZone"/>.
/// </para>
/// <para>
/// Authority: every command names its <see cref="Actor"/> first and asks the <see cref="IAuthorityPolicy"/> before
/// anything is saved (a refusal throws <see cref="ForbiddenException"/>, code <c>points.forbidden</c>, and changes
/// nothing). Publishing, revising and freezing need <see cref="Capabilities.PublishPeriod"/> (by default a secretary of
/// a top-level unit); an objection needs <see cref="Capabilities.RaiseObjection"/> (by default the member in person,
/// on their own result); resolving one needs <see cref="Capabilities.ResolveObjection"/> (by default a top-level
/// secretary who neither raised the objection nor is the member it concerns). The actor's
/// <see cref="Actor.AuditName"/> is what the audit columns store.
/// </para>
/// </remarks>
[Immutable]
public sealed class PeriodPublicationService
{
    private readonly IRepository<PeriodPublication> publications;
    private readonly IRepository<PublishedResults> results;
    private readonly IRepository<StoredRuleBook>? ruleBooks;
    private readonly IReadRepository<LedgerEntry>? entries;
    private readonly IUnitOfWork unitOfWork;
    private readonly IAuthorityPolicy authority;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;
    private readonly ILogger logger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="publications">Period publications (the guards).</param>
    /// <param name="results">Their published results.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    public PeriodPublicationService(IRepository<PeriodPublication> publications, IRepository<PublishedResults> results, IUnitOfWork unitOfWork,
        IAuthorityPolicy authority, GridGovernanceOptions options, IClock clock,
        ILogger<PeriodPublicationService>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.publications = Preconditions.CheckNotNull(publications);
        this.results = Preconditions.CheckNotNull(results);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.authority = Preconditions.CheckNotNull(authority);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>
    /// Creates the service with the rule-book catalogue and the ledger (normally resolved from DI, one per scope): what
    /// <see cref="AssessAndPublishAsync"/>, <see cref="GetStatementAsync"/> and the marking of published rule-book versions need.
    /// </summary>
    /// <param name="publications">Period publications (the guards).</param>
    /// <param name="results">Their published results.</param>
    /// <param name="ruleBooks">The rule-book catalogue's stored books.</param>
    /// <param name="entries">Ledger entries.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where the service's decisions are logged (docs/observability.md), or <c>null</c> for nowhere.</param>
    public PeriodPublicationService(IRepository<PeriodPublication> publications, IRepository<PublishedResults> results, IRepository<StoredRuleBook> ruleBooks,
        IReadRepository<LedgerEntry> entries, IUnitOfWork unitOfWork, IAuthorityPolicy authority, GridGovernanceOptions options, IClock clock,
        ILogger<PeriodPublicationService>? logger = null)
        : this(publications, results, unitOfWork, authority, options, clock, logger)
    {
        this.ruleBooks = Preconditions.CheckNotNull(ruleBooks);
        this.entries = Preconditions.CheckNotNull(entries);
    }

    /// <summary>Today's date in the configured zone (Asia/Shanghai by default).</summary>
    public LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>
    /// Publishes a period's results (定期公示): stores a snapshot of every member's totals (<see cref="PublishedResults"/>)
    /// and opens a window of <paramref name="windowWorkingDays"/> working days, starting today, for objections (异议).
    /// Needs <see cref="Capabilities.PublishPeriod"/>.
    /// </summary>
    /// <param name="actor">Who publishes: by default the secretary of a top-level unit.</param>
    /// <param name="result">The assessment of the period (compute it from <see cref="LedgerExportService.ExportForAssessmentAsync(GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.AssessmentPeriod, System.Threading.CancellationToken)"/>).</param>
    /// <param name="windowWorkingDays">The window's length in working days, 1 to 366 (e.g. 5).</param>
    /// <param name="calendar">The working-day calendar with the integrator's holidays.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The publication.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="windowWorkingDays"/> is out of range.</exception>
    /// <exception cref="ForbiddenException">The actor may not publish (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The period is already published (<see cref="ErrorCodes.PeriodAlreadyPublished"/>)
    /// or has not ended yet (<see cref="ErrorCodes.PublicationPeriodNotEnded"/>).</exception>
    public async Task<PeriodPublication> PublishAsync(Actor actor, AssessmentResult result, int windowWorkingDays, WorkingDayCalendar calendar,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(calendar);
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.points.publication");
        var id = PeriodPublicationId.Of(result.RuleBook, result.Period);
        var audit = await DemandAsync(actor, Capabilities.PublishPeriod, new AuthoritySubject(id.ToString()), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(async () =>
        {
            var existing = await publications.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            Preconditions.CheckState(existing is null, ErrorCodes.PeriodAlreadyPublished,
                $"{id} was already published on {existing?.PublishedOn:yyyy-MM-dd}; revise its snapshot with ReviseAsync while it is not frozen.");
            var publication = PeriodPublication.Publish(result, windowWorkingDays, calendar, Today, clock.GetCurrentInstant(), audit);
            await publications.AddAsync(publication, cancellationToken).ConfigureAwait(false);
            await results.AddAsync(PublishedResults.Of(result), cancellationToken).ConfigureAwait(false);
            await MarkRuleBookAsync(result.RuleBook, result.Period, stored: null, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            GridGovernanceTelemetry.Publications.Add(1);
            logger.PeriodPublished(publication.Id, publication.WindowClosesOn);
            return publication;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Assesses a period's ledger under the catalogue's rule book and publishes it (定期公示), in one unit of work: reads the
    /// latest version of <paramref name="ruleBook"/> from the catalogue (<see cref="RuleBookCatalogue"/>), the period's approved
    /// entries (<see cref="LedgerExportService.ExportColumnsForAssessmentAsync(RuleBook, AssessmentPeriod, CancellationToken)"/>),
    /// assesses them (<see cref="AssessmentEngine"/>), stores the publication and its results, and marks the rule-book version
    /// as published (it never changes from then on). Needs <see cref="Capabilities.PublishPeriod"/>.
    /// </summary>
    /// <remarks>
    /// Idempotent on retry: when the period is already published under this rule book with exactly the results this call
    /// would publish (same version, same lines), the stored publication is returned and nothing changes, so a caller that lost
    /// the answer may call again. Any other publication of the period is <see cref="ErrorCodes.PeriodAlreadyPublished"/>.
    /// </remarks>
    /// <param name="actor">Who publishes: by default the secretary of a top-level unit.</param>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="period">The period; it must have ended.</param>
    /// <param name="roster">The members assessed (their kind, branch and multiplier are published with their lines).</param>
    /// <param name="windowWorkingDays">The objection window's length in working days, 1 to 366.</param>
    /// <param name="calendar">The working-day calendar with the integrator's holidays.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The publication.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue and the ledger.</exception>
    /// <exception cref="ArgumentException">The roster names a member twice or an invalid subject.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowWorkingDays"/> is out of range.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book.</exception>
    /// <exception cref="ForbiddenException">The actor may not publish (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The period is already published with other results (<see cref="ErrorCodes.PeriodAlreadyPublished"/>),
    /// has not ended (<see cref="ErrorCodes.PublicationPeriodNotEnded"/>), or the ledger names items the rule book lacks
    /// (<see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    public async Task<PeriodPublication> AssessAndPublishAsync(Actor actor, RuleBookId ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster,
        int windowWorkingDays, WorkingDayCalendar calendar, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckSpecified(ruleBook.IsSpecified, nameof(ruleBook), "ruleBook must be a real rule book id, not default.");
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(roster);
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckArgumentRange(nameof(windowWorkingDays), windowWorkingDays, 1, 366);
        var (catalogue, ledger) = RequireCatalogue();
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.points.publication");
        var id = new PeriodPublicationId(ruleBook.Value, period.Label);
        var audit = await DemandAsync(actor, Capabilities.PublishPeriod, new AuthoritySubject(id.ToString()), cancellationToken).ConfigureAwait(false);
        var export = new LedgerExportService(ledger);
        return await WriteAsync(async () =>
        {
            var stored = await catalogue.GetByIdAsync(ruleBook, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException(nameof(RuleBook), ruleBook);
            var book = stored.Latest.ToRuleBook();
            var columns = await export.ExportColumnsForAssessmentAsync(book, period, cancellationToken).ConfigureAwait(false);
            var result = AssessmentEngine.Assess(book, period, roster, columns);
            var existing = await publications.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                var published = await GetResultsAsync(id, cancellationToken).ConfigureAwait(false);
                Preconditions.CheckState(Publishes(published, result), ErrorCodes.PeriodAlreadyPublished,
                    $"{id} was already published on {existing.PublishedOn:yyyy-MM-dd} with other results (rule book version {published.RuleBookVersion}); revise it with ReviseAsync while it is not frozen.");
                return existing;
            }
            var publication = PeriodPublication.Publish(result, windowWorkingDays, calendar, Today, clock.GetCurrentInstant(), audit);
            await publications.AddAsync(publication, cancellationToken).ConfigureAwait(false);
            await results.AddAsync(PublishedResults.Of(result), cancellationToken).ConfigureAwait(false);
            await MarkRuleBookAsync(book, period, stored, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            GridGovernanceTelemetry.Publications.Add(1);
            logger.PeriodPublished(publication.Id, publication.WindowClosesOn);
            return publication;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ranks a publication's members from its stored results (排名晾晒), without re-assessing: what was published is what is
    /// ranked (<see cref="RankingBoard.RankPublication(PublishedResults, BottomLineRules?)"/>).
    /// </summary>
    /// <param name="publication">The publication.</param>
    /// <param name="bottomLine">The floor and negative list; <c>null</c> flags vetoed members only.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="ArgumentException">A negative-list code names no item of the publication's rule book.</exception>
    public async Task<Ranking> GetRankingAsync(PeriodPublicationId publication, BottomLineRules? bottomLine = null, CancellationToken cancellationToken = default) =>
        RankingBoard.RankPublication(await GetResultsAsync(publication, cancellationToken).ConfigureAwait(false), bottomLine);

    /// <summary>
    /// A member's statement (积分明细账) of a publication: its stored results, the rule-book version it was computed with
    /// (from the catalogue), the member as the publication has them, and the member's approved entries of the period from
    /// the ledger (<see cref="MemberStatement.Create(RuleBook, PublishedResults, MemberId, ReadOnlySpan{AssessmentEntry}, string, StatementView)"/>).
    /// </summary>
    /// <param name="publication">The publication.</param>
    /// <param name="member">The member.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="view">Masked for the public (default), or whole for the member's own view.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue and the ledger.</exception>
    /// <exception cref="EntityNotFoundException">The period has not been published, or the catalogue lacks the rule-book version it was published with.</exception>
    /// <exception cref="ArgumentException">The member is not on the publication.</exception>
    /// <exception cref="GridGovernanceException">The member's entries no longer add up to the published line
    /// (<see cref="ErrorCodes.StatementDiffersFromPublication"/>): revise the publication first.</exception>
    public async Task<MemberStatement> GetStatementAsync(PeriodPublicationId publication, MemberId member, string name, StatementView view = StatementView.Public,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckNotNull(name);
        var (catalogue, ledger) = RequireCatalogue();
        var published = await GetResultsAsync(publication, cancellationToken).ConfigureAwait(false);
        var bookId = new RuleBookId(publication.RuleBookId);
        var stored = await catalogue.GetByIdAsync(bookId, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(RuleBook), bookId);
        var book = (stored.Find(published.RuleBookVersion) ?? throw new EntityNotFoundException(nameof(RuleBook), $"{bookId} version {published.RuleBookVersion}")).ToRuleBook();
        var found = await ledger.ListAsync(new LedgerEntriesForAssessment(publication.RuleBookId, member, published.Period.Start, published.Period.End), cancellationToken)
            .ConfigureAwait(false);
        var entries = LedgerExportService.ToAssessmentEntries(book, published.Period, found);
        return MemberStatement.Create(book, published, member, entries, name, view);
    }

    /// <summary>A publication by id.</summary>
    /// <param name="publication">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    public async Task<PeriodPublication> GetPublicationAsync(PeriodPublicationId publication, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(publication.IsSpecified, nameof(publication), "publication must be a real id, not default.");
        return await publications.GetByIdAsync(publication, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(nameof(PeriodPublication), publication);
    }

    /// <summary>The results a publication shows (written when it was published, replaced by each revision).</summary>
    /// <param name="publication">The publication's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    public async Task<PublishedResults> GetResultsAsync(PeriodPublicationId publication, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(publication.IsSpecified, nameof(publication), "publication must be a real id, not default.");
        return await results.GetByIdAsync(publication, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException(nameof(PublishedResults), publication);
    }

    /// <summary>
    /// Raises an objection (异议) to a publication; only inside its window (today in the configured zone). Needs
    /// <see cref="Capabilities.RaiseObjection"/>: by default the member in person, on their own result.
    /// </summary>
    /// <param name="actor">Who objects: by default <c>Actor.Member(member)</c>.</param>
    /// <param name="publication">The publication.</param>
    /// <param name="text">What is disputed; required.</param>
    /// <param name="concerning">The member whose result is disputed; <c>null</c> means the acting member's own result (or, for
    /// an actor who is no member, the publication as a whole, which the default table refuses).</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The objection, with its number.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="ForbiddenException">The actor may not object to that result (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The window is closed or the period frozen (<see cref="ErrorCodes.PublicationObjectionWindowClosed"/>).</exception>
    public async Task<PublicationObjection> RaiseObjectionAsync(Actor actor, PeriodPublicationId publication, string text, MemberId? concerning = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotBlank(text);
        Preconditions.CheckSpecified(concerning is not { IsSpecified: false }, nameof(concerning), "concerning must be null or a real member id, not default.");
        var about = concerning ?? (actor.IsMember ? actor.MemberId : null);
        await GetPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        var subject = new AuthoritySubject(publication + (about is MemberId m ? " of " + ActorNames.ForMember(m) : "")) { Node = about, Owner = about };
        var audit = await DemandAsync(actor, Capabilities.RaiseObjection, subject, cancellationToken).ConfigureAwait(false);
        return await ChangePublicationAsync(publication, p => p.RaiseObjection(audit, about, text, Today), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves an objection: upheld (异议成立; correct the ledger, then <see cref="ReviseAsync"/>) or dismissed, with a note.
    /// Needs <see cref="Capabilities.ResolveObjection"/>: by default a top-level secretary who did not raise the objection
    /// and whose own result it does not concern.
    /// </summary>
    /// <param name="actor">Who resolves it.</param>
    /// <param name="publication">The publication.</param>
    /// <param name="objection">The objection's number.</param>
    /// <param name="outcome"><see cref="ObjectionStatus.Upheld"/> or <see cref="ObjectionStatus.Dismissed"/>.</param>
    /// <param name="note">The resolution; required.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The resolved objection.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="ForbiddenException">The actor may not resolve the objection (code <c>points.forbidden</c>).</exception>
    /// <exception cref="IllegalTransitionException">The objection is already resolved, or the outcome is <see cref="ObjectionStatus.Open"/>.</exception>
    /// <exception cref="GridGovernanceException">There is no such objection (<see cref="ErrorCodes.PublicationUnknownObjection"/>).</exception>
    public async Task<PublicationObjection> ResolveObjectionAsync(Actor actor, PeriodPublicationId publication, int objection, ObjectionStatus outcome, string note,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotBlank(note);
        var found = await GetPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(objection >= 1 && objection <= found.Objections.Length, ErrorCodes.PublicationUnknownObjection,
            $"{publication} has {found.Objections.Length} objection(s); there is no objection {objection}.");
        var raised = found.Objections[objection - 1];
        var subject = new AuthoritySubject(publication + "/objection:" + objection.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Node = raised.Concerning,
            Owner = raised.Concerning,
            Handlers = raised.RaisedBy.TryGetMember(out var raiser) ? [raiser] : [],
        };
        var audit = await DemandAsync(actor, Capabilities.ResolveObjection, subject, cancellationToken).ConfigureAwait(false);
        return await ChangePublicationAsync(publication, p => p.ResolveObjection(objection, outcome, note, audit, Today), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces a publication's results (<see cref="PublishedResults"/>) with corrected ones (after an upheld objection was corrected in the
    /// ledger), while the period is not frozen. The window does not move. Needs <see cref="Capabilities.PublishPeriod"/>.
    /// </summary>
    /// <param name="actor">Who revises it: by default the secretary of a top-level unit.</param>
    /// <param name="result">The corrected assessment of the same rule book and period.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The publication.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="ForbiddenException">The actor may not revise it (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The period is frozen (<see cref="ErrorCodes.LedgerPeriodFrozen"/>).</exception>
    public async Task<PeriodPublication> ReviseAsync(Actor actor, AssessmentResult result, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(result);
        var id = PeriodPublicationId.Of(result.RuleBook, result.Period);
        await GetPublicationAsync(id, cancellationToken).ConfigureAwait(false);
        var audit = await DemandAsync(actor, Capabilities.PublishPeriod, new AuthoritySubject(id.ToString()), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(async () =>
        {
            var publication = await GetPublicationAsync(id, cancellationToken).ConfigureAwait(false);
            var published = await GetResultsAsync(id, cancellationToken).ConfigureAwait(false);
            published.Replace(result, publication.Revise(result, audit));
            // The guard is saved too: a freeze racing with the revision fails on its version, or makes this one fail.
            await publications.UpdateAsync(publication, cancellationToken).ConfigureAwait(false);
            await results.UpdateAsync(published, cancellationToken).ConfigureAwait(false);
            await MarkRuleBookAsync(result.RuleBook, result.Period, stored: null, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return publication;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Freezes a published period: only after its window has closed (from the day after <see cref="PeriodPublication.WindowClosesOn"/>)
    /// and with no open objection. From then on its published results never change and the ledger refuses entries in it.
    /// Needs <see cref="Capabilities.PublishPeriod"/>.
    /// </summary>
    /// <param name="actor">Who freezes it: by default the secretary of a top-level unit.</param>
    /// <param name="publication">The publication.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The frozen publication.</returns>
    /// <exception cref="EntityNotFoundException">The period has not been published.</exception>
    /// <exception cref="ForbiddenException">The actor may not freeze it (code <c>points.forbidden</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is already frozen.</exception>
    /// <exception cref="GridGovernanceException">The window is still open (<see cref="ErrorCodes.PublicationWindowOpen"/>) or
    /// an objection is open (<see cref="ErrorCodes.PublicationOpenObjections"/>).</exception>
    public async Task<PeriodPublication> FreezeAsync(Actor actor, PeriodPublicationId publication, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        await GetPublicationAsync(publication, cancellationToken).ConfigureAwait(false);
        var audit = await DemandAsync(actor, Capabilities.PublishPeriod, new AuthoritySubject(publication.ToString()), cancellationToken).ConfigureAwait(false);
        return await ChangePublicationAsync(publication, p =>
        {
            p.Freeze(audit, Today);
            return p;
        }, cancellationToken).ConfigureAwait(false);
    }

    private (IRepository<StoredRuleBook> RuleBooks, IReadRepository<LedgerEntry> Entries) RequireCatalogue() =>
        ruleBooks is not null && entries is not null
            ? (ruleBooks, entries)
            : throw new InvalidOperationException(
                "This PeriodPublicationService was created without the rule-book catalogue and the ledger; resolve it from AddGridGovernance or use the constructor that takes them.");

    /// <summary>Whether <paramref name="published"/> holds exactly what publishing <paramref name="result"/> would store.</summary>
    private static bool Publishes(PublishedResults published, AssessmentResult result)
    {
        if (published.RuleBookVersion != result.RuleBook.Version || published.Results.Length != result.Members.Length
            || !published.CategoryCodes.SequenceEqual(result.RuleBook.Categories.Select(c => c.Code), StringComparer.Ordinal))
        {
            return false;
        }
        for (int i = 0; i < published.Results.Length; i++)
        {
            if (!published.Results[i].Equals(PublishedMemberResult.From(result.Members[i])))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Marks the catalogue's version of <paramref name="ruleBook"/> as published (staged, saved with the publication), so that it
    /// never changes; a rule book the catalogue does not hold is left alone. A version the catalogue holds with other content
    /// is refused: what is published must be what the catalogue says.
    /// </summary>
    private async Task MarkRuleBookAsync(RuleBook ruleBook, AssessmentPeriod period, StoredRuleBook? stored, CancellationToken cancellationToken)
    {
        if (ruleBooks is null)
        {
            return;
        }
        var id = RuleBookId.Of(ruleBook);
        stored ??= await ruleBooks.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return;
        }
        var version = stored.Find(ruleBook.Version);
        Preconditions.CheckState(version is not null && string.Equals(version.Json, RuleBookJson.Serialize(ruleBook), StringComparison.Ordinal),
            ErrorCodes.RuleBookDiffersFromCatalogue,
            version is null
                ? $"The result was computed with version {ruleBook.Version} of {id}, which the catalogue does not hold (it has {string.Join(", ", stored.Versions.Select(v => v.Version))}); add it first."
                : $"The result was computed with a version {ruleBook.Version} of {id} that differs from the catalogue's; publish with the catalogue's rule book.");
        if (stored.MarkPublished(ruleBook.Version, period.Label))
        {
            await ruleBooks.UpdateAsync(stored, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LedgerActor> DemandAsync(Actor actor, Capability capability, AuthoritySubject subject, CancellationToken cancellationToken)
    {
        await authority.DemandAsync(actor, capability, subject, Today, cancellationToken).ConfigureAwait(false);
        return LedgerActor.Of(actor);
    }

    private Task<T> ChangePublicationAsync<T>(PeriodPublicationId id, Func<PeriodPublication, T> change, CancellationToken cancellationToken)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "The publication id must be a real id, not default.");
        return WriteAsync(async () =>
        {
            var publication = await GetPublicationAsync(id, cancellationToken).ConfigureAwait(false);
            var result = change(publication);
            await publications.UpdateAsync(publication, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);
    }

    private Task<T> WriteAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, attempt, cancellationToken, logger);
}
