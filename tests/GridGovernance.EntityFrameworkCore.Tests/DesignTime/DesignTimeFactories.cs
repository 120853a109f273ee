using Microsoft.EntityFrameworkCore.Design;

namespace GridGovernance.EntityFrameworkCore.Tests.DesignTime;

// The packages' own migrations are generated with this project as the startup project (docs/storage.md, "Migrations"):
//   dotnet ef migrations add Name --project src/GridGovernance.EntityFrameworkCore.Sqlite \
//     --startup-project tests/GridGovernance.EntityFrameworkCore.Tests --context SqliteGridGovernanceDbContext --output-dir Migrations
// The factories live here, not in the packages: EF Core's tools prefer a factory in the context's assembly over an
// application's own service provider, so one shipped in a package would hide the application's maps.

/// <summary>The library's own model on SQLite, for <c>dotnet ef</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGridGovernanceDbContext>
{
    public SqliteGridGovernanceDbContext CreateDbContext(string[] args) =>
        GridGovernanceDatabase.CreateDbContext<SqliteGridGovernanceDbContext>(o => o.UseSqlite("Data Source=design.db"));
}

/// <summary>The library's own model on PostgreSQL, for <c>dotnet ef</c>.</summary>
internal sealed class NpgsqlDesignTimeFactory : IDesignTimeDbContextFactory<NpgsqlGridGovernanceDbContext>
{
    public NpgsqlGridGovernanceDbContext CreateDbContext(string[] args) =>
        GridGovernanceDatabase.CreateDbContext<NpgsqlGridGovernanceDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Database=design"));
}
