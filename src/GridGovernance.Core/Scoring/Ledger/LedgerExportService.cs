using GridGovernance.Persistence;
using GridGovernance.Scoring.Catalogue;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Hands the ledger's approved entries to the <see cref="AssessmentEngine"/>: a period's entries under a rule book, as
/// <see cref="AssessmentEntry"/> values or laid out in columns for the bulk assessment of a whole city. It only reads.
/// </summary>
[Immutable]
public sealed class LedgerExportService
{
    private readonly IReadRepository<LedgerEntry> entries;
    private readonly IReadRepository<StoredRuleBook>? ruleBooks;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="entries">Ledger entries.</param>
    public LedgerExportService(IReadRepository<LedgerEntry> entries)
    {
        this.entries = Preconditions.CheckNotNull(entries);
    }

    /// <summary>Creates the service with the rule-book catalogue, for the overloads that take a <see cref="RuleBookId"/> (normally resolved from DI, one per scope).</summary>
    /// <param name="entries">Ledger entries.</param>
    /// <param name="ruleBooks">The rule-book catalogue's stored books.</param>
    public LedgerExportService(IReadRepository<LedgerEntry> entries, IReadRepository<StoredRuleBook> ruleBooks)
        : this(entries)
    {
        this.ruleBooks = Preconditions.CheckNotNull(ruleBooks);
    }

    /// <summary>
    /// As <see cref="ExportForAssessmentAsync(RuleBook, AssessmentPeriod, CancellationToken)"/>, resolved against the latest version of a
    /// rule book in the catalogue (the version <see cref="PeriodPublicationService.AssessAndPublishAsync"/> assesses with).
    /// </summary>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, resolved against that version.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book.</exception>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    public async Task<AssessmentEntry[]> ExportForAssessmentAsync(RuleBookId ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        await ExportForAssessmentAsync(await RuleBookCatalogue.LatestAsync(ruleBooks, ruleBook, cancellationToken).ConfigureAwait(false), period, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>As <see cref="ExportColumnsForAssessmentAsync(RuleBook, AssessmentPeriod, CancellationToken)"/>, resolved against the latest version of a rule book in the catalogue.</summary>
    /// <param name="ruleBook">The rule book in the catalogue.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger in columns, resolved against that version.</returns>
    /// <exception cref="InvalidOperationException">The service was created without the catalogue.</exception>
    /// <exception cref="EntityNotFoundException">The catalogue has no such rule book.</exception>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    public async Task<AssessmentEntryColumns> ExportColumnsForAssessmentAsync(RuleBookId ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        AssessmentEntryColumns.From(await ExportForAssessmentAsync(ruleBook, period, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The entries an assessment of <paramref name="period"/> counts: approved entries of the rule book that are neither
    /// reversed nor reversals, with an occurrence date in the period, grouped by member (member id, then recorded
    /// order): the result does not depend on the order, but the engine reads member-grouped entries two to three times
    /// faster than interleaved ones (each member's tally stays in the cache). Each one's
    /// <see cref="AssessmentEntry.Sequence"/> is its id (the recorded order) and its item its position in the rule book.
    /// </summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries, ready for <see cref="AssessmentEngine.Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, ReadOnlySpan{AssessmentEntry})"/>.</returns>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    public async Task<AssessmentEntry[]> ExportForAssessmentAsync(RuleBook ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckNotNull(period);
        var found = await entries.ListAsync(new LedgerEntriesForAssessment(ruleBook.Id, period.Start, period.End), cancellationToken).ConfigureAwait(false);
        return ToAssessmentEntries(ruleBook, period, found);
    }

    /// <summary>The assessment entries of approved ledger entries under a rule book (item positions, tiers, discretionary values).</summary>
    internal static AssessmentEntry[] ToAssessmentEntries(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<LedgerEntry> found)
    {
        var result = new AssessmentEntry[found.Count];
        SortedSet<string>? unknown = null;
        for (int i = 0; i < found.Count; i++)
        {
            var e = found[i];
            if (!ruleBook.HasItem(e.ItemCode))
            {
                (unknown ??= new SortedSet<string>(StringComparer.Ordinal)).Add(e.ItemCode);
                continue;
            }
            int item = ruleBook.IndexOfItem(e.ItemCode);
            var version = ruleBook.VersionOn(item, e.OccurredOn);
            result[i] = new AssessmentEntry(e.Member, item, e.OccurredOn, e.Id.Value)
            {
                Value = version?.Kind == ItemKind.Discretionary ? e.Points : Points.Zero,
                // An unknown tier becomes -1, which the engine counts as an ignored entry rather than dropping silently.
                Tier = e.Tier is null ? 0 : LedgerChecks.IndexOfTier(version, e.Tier),
                AfterReminder = e.AfterReminder,
            };
        }
        if (unknown is not null)
        {
            throw new GridGovernanceException(ErrorCodes.LedgerUnknownItem,
                $"Approved entries of period {period.Label} name items rule book '{ruleBook.Id}' (version {ruleBook.Version}) does not have: {string.Join(", ", unknown)}.");
        }
        return result;
    }

    /// <summary>
    /// The entries of <see cref="ExportForAssessmentAsync(GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.AssessmentPeriod, System.Threading.CancellationToken)"/> laid out for assessment (<see cref="AssessmentEntryColumns"/>):
    /// what the bulk assessment of a whole city reads fastest. Build it once and assess it as often as needed (other
    /// rosters or multipliers): it holds the entries, not their points. It holds this period's entries, resolved
    /// against this rule book (item positions, tiers, discretionary values): assess it with the same two.
    /// </summary>
    /// <param name="ruleBook">The rule book (entries name its items by position).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger, ready for <see cref="AssessmentEngine.Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, AssessmentEntryColumns)"/>.</returns>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    public async Task<AssessmentEntryColumns> ExportColumnsForAssessmentAsync(RuleBook ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        AssessmentEntryColumns.From(await ExportForAssessmentAsync(ruleBook, period, cancellationToken).ConfigureAwait(false));
}
