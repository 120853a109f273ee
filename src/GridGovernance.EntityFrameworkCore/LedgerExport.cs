using GridGovernance.EntityFrameworkCore.Storage;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Specifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// Reads a period's ledger straight from the EF Core store's columns into an <see cref="AssessmentEntryColumns"/>,
/// the input of the bulk assessment (<see cref="AssessmentEngine.Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, AssessmentEntryColumns)"/>):
/// no document is parsed and no aggregate is made. PostgreSQL streams the columns with a binary
/// <c>COPY … TO STDOUT</c>; SQLite reads them with one plain query.
/// </summary>
/// <remarks>
/// <para>
/// It reads the same entries as <see cref="LedgerExportService.ExportColumnsForAssessmentAsync(RuleBook, AssessmentPeriod, CancellationToken)"/>
/// (approved entries of the rule book, neither reversed nor reversals, with an occurrence date in the period), resolved
/// against the rule book the same way, so both assess to the same result. Within a member the entries may come in
/// another order than the repository's; the engine's result does not depend on it.
/// </para>
/// <para>
/// The columns it reads (<c>ItemCode</c>, <c>Points</c>, <c>Tier</c>, <c>AfterReminder</c> on <c>LedgerEntries</c>)
/// are written with every entry since they were added. Entries saved before that, in a database upgraded by
/// <see cref="GridGovernanceDatabase.MigrateAsync"/>, have them empty: run <see cref="BackfillColumnsAsync"/> once
/// after the upgrade; until then an export that meets such an entry throws <see cref="InvalidOperationException"/>
/// rather than leaving it out.
/// </para>
/// </remarks>
public static class LedgerExport
{
    /// <summary>Reads the entries an assessment of <paramref name="period"/> under <paramref name="ruleBook"/> counts.</summary>
    /// <example>
    /// <code>
    /// var ledger = await LedgerExport.ReadPeriodAsync(services, ruleBook, AssessmentPeriod.Year(2024));
    /// var result = AssessmentEngine.Assess(ruleBook, AssessmentPeriod.Year(2024), roster, ledger);
    /// </code>
    /// </example>
    /// <param name="services">A provider built from a collection on which <c>AddGridGovernanceEntityFrameworkCore</c> was called.</param>
    /// <param name="ruleBook">The rule book (entries name its items by position).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger, laid out for assessment.</returns>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    /// <exception cref="InvalidOperationException">An entry of the period was saved before the export's columns existed (see <see cref="BackfillColumnsAsync"/>).</exception>
    public static async Task<AssessmentEntryColumns> ReadPeriodAsync(IServiceProvider services, RuleBook ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        return await ReadPeriodAsync(scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>(), ruleBook, period, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="ReadPeriodAsync(IServiceProvider, RuleBook, AssessmentPeriod, CancellationToken)"/>, on a context of the store (in its transaction, if it has one).</summary>
    /// <param name="context">The store's context (<c>SqliteGridGovernanceDbContext</c> or <c>NpgsqlGridGovernanceDbContext</c>).</param>
    /// <param name="ruleBook">The rule book (entries name its items by position).</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The ledger, laid out for assessment.</returns>
    /// <exception cref="GridGovernanceException">An entry names an item the rule book does not have (code <see cref="ErrorCodes.LedgerUnknownItem"/>).</exception>
    /// <exception cref="InvalidOperationException">An entry of the period was saved before the export's columns existed (see <see cref="BackfillColumnsAsync"/>).</exception>
    public static async Task<AssessmentEntryColumns> ReadPeriodAsync(GridGovernanceDbContext context, RuleBook ruleBook, AssessmentPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ruleBook);
        ArgumentNullException.ThrowIfNull(period);
        var map = context.Store.For(typeof(LedgerEntry));
        var query = new LedgerExportQuery(map.Table, ruleBook.Id, period.Start, period.End);
        var sink = new LedgerRowSink(ruleBook, period);
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await context.Store.Provider.ReadLedgerAsync(context, query, sink, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        return sink.Build();
    }

    /// <summary>
    /// Fills the export's columns of ledger entries saved before they existed (a database upgraded from a version
    /// without them), by saving each such entry once more through the store, a thousand a transaction. Safe to run
    /// again, and while the application runs (a save it races with is retried); entries saved since the upgrade are
    /// not touched.
    /// </summary>
    /// <param name="services">A provider built from a collection on which <c>AddGridGovernanceEntityFrameworkCore</c> was called.</param>
    /// <param name="cancellationToken">Cancels between transactions (the entries already filled stay filled).</param>
    /// <returns>How many entries were filled.</returns>
    public static async Task<int> BackfillColumnsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The translator reads the column for ItemCode; a stored entry always has a code, so null means "not filled".
        var unfilled = Specification.Create<LedgerEntry>(q => q.Where(e => e.ItemCode == null).OrderBy(e => e.Id.Value).Take(1_000));
        int filled = 0;
        for (int conflicts = 0; ;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = services.CreateAsyncScope();
            var entries = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
            var page = await entries.ListAsync(unfilled, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return filled;
            }
            foreach (var entry in page)
            {
                await entries.UpdateAsync(entry, cancellationToken).ConfigureAwait(false);
            }
            try
            {
                await entries.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                filled += page.Count;
            }
            catch (ConcurrencyException) when (++conflicts < UnitOfWorkRetry.MaxAttempts)
            {
                // An entry of the page was reviewed or reversed meanwhile (and so filled): read the page again.
            }
        }
    }
}
