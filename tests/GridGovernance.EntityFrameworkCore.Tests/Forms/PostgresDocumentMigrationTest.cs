using GridGovernance.Organisation;
using GridGovernance.Persistence;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests.Forms;

/// <summary>
/// A database written before stored forms (text documents, the old serialiser's version 0) migrated by StoredFormsLedgerColumnsUnitPoints:
/// the documents become jsonb and still read, through the version-0 upgrade, into the aggregate they were.
/// </summary>
[RequiresPostgres]
public sealed class PostgresDocumentMigrationTest
{
    [Fact]
    public async Task AVersion0TextDocument_ReadsAfterTheColumnBecomesJsonb()
    {
        using var database = TestDatabase.Postgres();
        var collection = new ServiceCollection();
        collection.AddGridGovernanceEntityFrameworkCore(o => database.Use(o));
        collection.AddGridGovernance();
        await using var services = collection.BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>();
            await context.GetService<IMigrator>().MigrateAsync("RuleBookCatalogue");
        }
        string v0 = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Forms", "Golden", "Household.v0.json"));
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO \"Households\" (\"Id\", \"Version\", \"Document\", \"UnitId\", \"IsActive\") VALUES (31, 4, @document, 13, FALSE)";
            command.Parameters.AddWithValue("document", v0);
            await command.ExecuteNonQueryAsync();
        }

        var applied = await GridGovernanceDatabase.MigrateAsync(services);

        Assert.Contains(applied, m => m.EndsWith("_StoredFormsLedgerColumnsUnitPoints", StringComparison.Ordinal));
        await using var read = services.CreateAsyncScope();
        var household = await read.ServiceProvider.GetRequiredService<IReadRepository<Household>>().GetByIdAsync(new HouseholdId(31));
        Assert.NotNull(household);
        Assert.Equal(4, household.Version);
        Assert.Equal(StoredFormSamples.Household.Address, household.Address);
        Assert.Equal(StoredFormSamples.Household.Location, household.Location);
        Assert.Equal(StoredFormSamples.Household.Units.ToArray(), household.Units.Segments.ToArray());
        await using var connection2 = new NpgsqlConnection(database.ConnectionString);
        await connection2.OpenAsync();
        await using var type = connection2.CreateCommand();
        type.CommandText = "SELECT data_type FROM information_schema.columns WHERE table_name = 'Households' AND column_name = 'Document'";
        Assert.Equal("jsonb", await type.ExecuteScalarAsync());
    }
}
