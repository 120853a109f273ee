using System.Collections.Immutable;
using System.Data.Common;
using GridGovernance.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>The database store's status: the connection opens and every migration of the adapter is applied.</summary>
internal sealed class EfStoreStatus(GridGovernanceDbContext context) : IStoreStatus
{
    /// <inheritdoc />
    public async ValueTask<StoreStatus> CheckAsync(CancellationToken cancellationToken = default)
    {
        string store = context.Store.Provider.Name;
        try
        {
            if (!await context.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                return new StoreStatus(store, false, [], "The database does not exist or does not answer.");
            }
            var pending = await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
            return new StoreStatus(store, true, [.. pending], null);
        }
        catch (DbException e)
        {
            // The provider's message, never the connection string.
            return new StoreStatus(store, false, ImmutableArray<string>.Empty, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
