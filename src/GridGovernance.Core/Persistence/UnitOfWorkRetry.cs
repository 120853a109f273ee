using Microsoft.Extensions.Logging;

namespace GridGovernance.Persistence;

/// <summary>
/// The one retry policy of the services that write contended aggregates: when a save loses a race (a stale version,
/// or two writers adding the same id), the whole load-change-save operation runs again from a fresh read, up to
/// <see cref="MaxAttempts"/> times, after a short random pause; then the <see cref="ConcurrencyException"/> (or
/// duplicate-key error) reaches the caller. Every service's writes are idempotent or re-checked on the fresh state,
/// so calling again after that is safe.
/// </summary>
[Immutable]
public static class UnitOfWorkRetry
{
    /// <summary>
    /// How many times an operation is attempted before a lost race is surfaced: 10. The pauses grow to at most 63 ms,
    /// so a writer gives up after about a third of a second of continuous collisions.
    /// </summary>
    public const int MaxAttempts = 10;

    internal static async Task<T> RunAsync<T>(IUnitOfWork unitOfWork, Func<Task<T>> attempt, CancellationToken cancellationToken, ILogger? logger = null)
    {
        // Retrying is only safe when everything the save would write is ours to rebuild.
        bool ours = !unitOfWork.HasChanges;
        for (int attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (GridGovernanceException e) when (ours && attempts < MaxAttempts && (e is ConcurrencyException || e.Code == ErrorCodes.DuplicateKey))
            {
                unitOfWork.DiscardChanges();
                GridGovernanceTelemetry.Retries.Add(1, new KeyValuePair<string, object?>("gridgovernance.error.code", e.Code));
                logger?.ConcurrencyRetry(e.Code, attempts + 1, MaxAttempts);
            }
            catch when (ours)
            {
                // Leave the scope as clean as it was, whatever failed after staging (a cancelled save, a refusal).
                unitOfWork.DiscardChanges();
                throw;
            }
            // A short random pause spreads out writers that keep colliding on one aggregate or on the next id.
            await Task.Delay(Random.Shared.Next(1, 1 << Math.Min(attempts, 6)), cancellationToken).ConfigureAwait(false);
        }
    }
}
