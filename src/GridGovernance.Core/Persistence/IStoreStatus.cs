namespace GridGovernance.Persistence;

/// <summary>
/// Whether the store behind the repositories can be used now: reachable, and its schema up to date. Health checks
/// (GridGovernance.AspNetCore's) ask this port, so that they work the same on the in-memory store, which is always
/// reachable and has no schema, and on a database store, which registers its own.
/// </summary>
public interface IStoreStatus
{
    /// <summary>Asks the store, without changing anything.</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>What the store answered; a store that cannot be reached gives <see cref="StoreStatus.Reachable"/> false, not an exception.</returns>
    ValueTask<StoreStatus> CheckAsync(CancellationToken cancellationToken = default);
}
