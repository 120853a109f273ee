using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GridGovernance.Scoring.Catalogue;

/// <summary>
/// The catalogue of rule books (积分细则): stored rule books with their versions, looked up by <see cref="RuleBookId"/>.
/// Adding and revising a rule book are commands that name their <see cref="Actor"/> and ask the
/// <see cref="IAuthorityPolicy"/> (<see cref="Capabilities.ManageRuleBooks"/>); reading takes no actor.
/// </summary>
/// <remarks>
/// <para>
/// Each version is kept as the JSON of <see cref="RuleBookJson"/>, so what is read back is exactly the rule book that
/// was saved (<see cref="RuleBookJson.Read(string)"/> checks it again). A version no publication used may be replaced; a
/// version a period was published with never changes (<see cref="ErrorCodes.RuleBookVersionPublished"/>): a change is a
/// new, higher version. <see cref="PeriodPublicationService"/> marks the version it publishes with in the same unit of
/// work as the publication.
/// </para>
/// <para>
/// Both commands are idempotent: adding or revising with a rule book the catalogue already holds, version for version,
/// changes nothing and returns the stored book, so a retry after a lost answer is harmless. Writes are retried from a
/// fresh read on a concurrency conflict (<see cref="UnitOfWorkRetry.MaxAttempts"/>).
/// </para>
/// <para>
/// Authority: the subject is the rule book's owner, the unit that adopted it (a district or street committee). By default
/// a secretary (书记) whose jurisdiction covers the owner may add or revise it — the district's secretary for a district's
/// book, a street's secretary or the district's for a street's — and so may the system (an integrator's set-up).
/// </para>
/// </remarks>
[Immutable]
public sealed class RuleBookCatalogue
{
    private readonly IRepository<StoredRuleBook> ruleBooks;
    private readonly IUnitOfWork unitOfWork;
    private readonly IAuthorityPolicy authority;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;
    private readonly ILogger logger;

    /// <summary>Creates the catalogue (normally resolved from DI, one per scope).</summary>
    /// <param name="ruleBooks">The stored rule books.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="options">The library's options (the zone of dates).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="logger">Where retries are logged, or <c>null</c> for nowhere.</param>
    public RuleBookCatalogue(IRepository<StoredRuleBook> ruleBooks, IUnitOfWork unitOfWork, IAuthorityPolicy authority, GridGovernanceOptions options,
        IClock clock, ILogger<RuleBookCatalogue>? logger = null)
    {
        this.logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        this.ruleBooks = Preconditions.CheckNotNull(ruleBooks);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.authority = Preconditions.CheckNotNull(authority);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>
    /// Adds a rule book to the catalogue, owned by <paramref name="owner"/> (the district or street that adopts it). Adding
    /// the same book again (same owner, same versions' content) returns the stored one and changes nothing.
    /// Needs <see cref="Capabilities.ManageRuleBooks"/> on the owner.
    /// </summary>
    /// <param name="actor">Who adds it: by default a secretary whose jurisdiction covers the owner, or the system.</param>
    /// <param name="ruleBook">The rule book (its id and version are the catalogue's).</param>
    /// <param name="owner">The unit that adopts it.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The stored rule book.</returns>
    /// <exception cref="ArgumentException"><paramref name="owner"/> is <c>default</c>.</exception>
    /// <exception cref="ForbiddenException">The actor may not manage the owner's rule books (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The catalogue holds a rule book with that id and other content or owner
    /// (<see cref="ErrorCodes.RuleBookExists"/>).</exception>
    public async Task<StoredRuleBook> AddAsync(Actor actor, RuleBook ruleBook, OrgUnitId owner, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckSpecified(owner.IsSpecified, nameof(owner), "owner must be a real unit id, not default.");
        var id = RuleBookId.Of(ruleBook);
        var by = await DemandAsync(actor, id, owner, cancellationToken).ConfigureAwait(false);
        string json = RuleBookJson.Serialize(ruleBook);
        return await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var existing = await ruleBooks.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                bool same = existing.Owner == owner && existing.Find(ruleBook.Version) is { } stored && string.Equals(stored.Json, json, StringComparison.Ordinal);
                Preconditions.CheckState(same, ErrorCodes.RuleBookExists,
                    $"The catalogue already holds {id} (owned by {existing.Owner}, versions {string.Join(", ", existing.Versions.Select(v => v.Version))}); revise it instead.");
                return existing;
            }
            var added = StoredRuleBook.Add(ruleBook, json, owner, clock.GetCurrentInstant(), by);
            await ruleBooks.AddAsync(added, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return added;
        }, cancellationToken, logger).ConfigureAwait(false);
    }

    /// <summary>
    /// Revises a rule book: a version higher than every stored one is added; a stored version no publication used is
    /// replaced; a stored version with this very content changes nothing. Needs <see cref="Capabilities.ManageRuleBooks"/>
    /// on the book's owner.
    /// </summary>
    /// <param name="actor">Who revises it.</param>
    /// <param name="ruleBook">The new or corrected version (<see cref="RuleBook.Id"/> names the stored book).</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The stored rule book.</returns>
    /// <exception cref="EntityNotFoundException">The catalogue has no rule book with that id.</exception>
    /// <exception cref="ForbiddenException">The actor may not manage the owner's rule books (code <c>points.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The version was used by a publication (<see cref="ErrorCodes.RuleBookVersionPublished"/>), or
    /// it is new but not higher than every stored version (<see cref="ErrorCodes.RuleBookVersionOrder"/>).</exception>
    public async Task<StoredRuleBook> ReviseAsync(Actor actor, RuleBook ruleBook, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(ruleBook);
        var id = RuleBookId.Of(ruleBook);
        var found = await GetStoredAsync(id, cancellationToken).ConfigureAwait(false);
        var by = await DemandAsync(actor, id, found.Owner, cancellationToken).ConfigureAwait(false);
        string json = RuleBookJson.Serialize(ruleBook);
        return await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var stored = await GetStoredAsync(id, cancellationToken).ConfigureAwait(false);
            if (stored.Revise(ruleBook, json, clock.GetCurrentInstant(), by))
            {
                await ruleBooks.UpdateAsync(stored, cancellationToken).ConfigureAwait(false);
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            return stored;
        }, cancellationToken, logger).ConfigureAwait(false);
    }

    /// <summary>The stored rule book with every version, or <c>null</c>.</summary>
    /// <param name="id">The rule book's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<StoredRuleBook?> FindAsync(RuleBookId id, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real rule book id, not default.");
        return ruleBooks.GetByIdAsync(id, cancellationToken);
    }

    /// <summary>The stored rule book with every version.</summary>
    /// <param name="id">The rule book's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="EntityNotFoundException">The catalogue has no rule book with that id.</exception>
    public async Task<StoredRuleBook> GetStoredAsync(RuleBookId id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(RuleBook), id);

    /// <summary>The latest version of a rule book.</summary>
    /// <param name="id">The rule book's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule book, read back from its JSON.</returns>
    /// <exception cref="EntityNotFoundException">The catalogue has no rule book with that id.</exception>
    public async Task<RuleBook> GetAsync(RuleBookId id, CancellationToken cancellationToken = default) =>
        (await GetStoredAsync(id, cancellationToken).ConfigureAwait(false)).Latest.ToRuleBook();

    /// <summary>One version of a rule book (e.g. the one a publication was computed with, <see cref="PublishedResults.RuleBookVersion"/>).</summary>
    /// <param name="id">The rule book's id.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rule book, read back from its JSON.</returns>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book or version.</exception>
    public async Task<RuleBook> GetAsync(RuleBookId id, int version, CancellationToken cancellationToken = default)
    {
        var stored = await GetStoredAsync(id, cancellationToken).ConfigureAwait(false);
        return (stored.Find(version) ?? throw new EntityNotFoundException(nameof(RuleBook), $"{id} version {version}")).ToRuleBook();
    }

    /// <summary>The latest version of a stored rule book, for the services that take a rule book by id.</summary>
    internal static async Task<RuleBook> LatestAsync(IReadRepository<StoredRuleBook>? ruleBooks, RuleBookId id, CancellationToken cancellationToken)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real rule book id, not default.");
        if (ruleBooks is null)
        {
            throw new InvalidOperationException("This service was created without the rule-book catalogue; resolve it from AddGridGovernance, or pass the RuleBook itself.");
        }
        var stored = await ruleBooks.GetByIdAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(RuleBook), id);
        return stored.Latest.ToRuleBook();
    }

    private async Task<LedgerActor> DemandAsync(Actor actor, RuleBookId id, OrgUnitId owner, CancellationToken cancellationToken)
    {
        var subject = new AuthoritySubject(id.ToString()) { Node = owner };
        await authority.DemandAsync(actor, Capabilities.ManageRuleBooks, subject, clock.Today(options.TimeZone), cancellationToken).ConfigureAwait(false);
        return LedgerActor.Of(actor);
    }
}
