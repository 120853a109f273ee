namespace GridGovernance.Persistence;

/// <summary>The in-memory store's status: always reachable, no schema to migrate.</summary>
internal sealed class InMemoryStoreStatus : IStoreStatus
{
    private static readonly StoreStatus Ready = new("in-memory", true, [], null);

    /// <inheritdoc />
    public ValueTask<StoreStatus> CheckAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Ready);
}
