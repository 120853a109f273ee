namespace GridGovernance.Persistence;

/// <summary>
/// Runs a load-change-save operation again from a fresh read when its save loses a race (a stale version, or two
/// writers adding the same id), a bounded number of times. Shared by the services that write contended aggregates.
/// </summary>
internal static class UnitOfWorkRetry
{
    internal static async Task<T> RunAsync<T>(IUnitOfWork unitOfWork, int maxAttempts, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        // Retrying is only safe when everything the save would write is ours to rebuild.
        bool ours = !unitOfWork.HasChanges;
        for (int attempts = 1; ; attempts++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (GridGovernanceException e) when (ours && attempts < maxAttempts && (e is ConcurrencyException || e.Code == ErrorCodes.DuplicateKey))
            {
                unitOfWork.DiscardChanges();
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
