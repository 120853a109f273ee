using System.Collections.Immutable;

namespace GridGovernance.Persistence;

/// <summary>What <see cref="IStoreStatus.CheckAsync"/> found.</summary>
/// <param name="Store">The store's name, e.g. <c>in-memory</c> or <c>sqlite</c>.</param>
/// <param name="Reachable">Whether the store answered.</param>
/// <param name="PendingMigrations">Schema migrations not yet applied (empty for a store without a schema, or when unreachable).</param>
/// <param name="Error">Why the store could not be reached (an exception's type and message; no connection string), or <see langword="null"/>.</param>
[Immutable]
public sealed record StoreStatus(string Store, bool Reachable, ImmutableArray<string> PendingMigrations, string? Error)
{
    /// <summary>Whether the store is reachable and has no pending migration.</summary>
    public bool IsReady => Reachable && PendingMigrations.IsDefaultOrEmpty;
}
