namespace GridGovernance.Persistence;

/// <summary>
/// The changes staged in one scope (one request, one command) across every repository, written together.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>Whether anything is staged.</summary>
    bool HasChanges { get; }

    /// <summary>
    /// Writes every staged change, all or nothing. On success each saved aggregate's version goes up by one.
    /// On failure nothing is written and the staged changes are discarded: reload and try again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the save before anything is written.</param>
    /// <returns>How many aggregates were written.</returns>
    /// <exception cref="ConcurrencyException">An updated or deleted aggregate is stale.</exception>
    /// <exception cref="GridGovernanceException">An added aggregate's id is taken (code <c>storage.duplicate-key</c>).</exception>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets every staged change.</summary>
    void DiscardChanges();
}
