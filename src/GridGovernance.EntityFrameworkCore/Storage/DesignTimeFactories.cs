using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>For <c>dotnet ef migrations add … --context SqliteGridGovernanceDbContext</c>: the library's own model on SQLite.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGridGovernanceDbContext>
{
    public SqliteGridGovernanceDbContext CreateDbContext(string[] args)
    {
        var options = new GridGovernanceStoreOptions().UseSqlite("Data Source=design.db");
        return new SqliteGridGovernanceDbContext(
            new DbContextOptionsBuilder<SqliteGridGovernanceDbContext>().UseSqlite("Data Source=design.db")
                .ReplaceService<IModelCacheKeyFactory, StoreModelCacheKeyFactory>().Options,
            options.Build());
    }
}

/// <summary>For <c>dotnet ef migrations add … --context NpgsqlGridGovernanceDbContext</c>: the library's own model on PostgreSQL.</summary>
internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlGridGovernanceDbContext>
{
    public NpgsqlGridGovernanceDbContext CreateDbContext(string[] args)
    {
        var options = new GridGovernanceStoreOptions().UseNpgsql("Host=127.0.0.1;Database=design");
        return new NpgsqlGridGovernanceDbContext(
            new DbContextOptionsBuilder<NpgsqlGridGovernanceDbContext>().UseNpgsql("Host=127.0.0.1;Database=design", n => n.UseNodaTime())
                .ReplaceService<IModelCacheKeyFactory, StoreModelCacheKeyFactory>().Options,
            options.Build());
    }
}
