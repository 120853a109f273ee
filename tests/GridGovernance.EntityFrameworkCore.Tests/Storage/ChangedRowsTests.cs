using System.Reflection;
using GridGovernance.EntityFrameworkCore.Tests.Forms;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// An update writes the rows that changed, not the aggregate's whole history again (issue 15): counted by triggers
/// that add one for every row inserted, updated or deleted in the unit's table and its child table of parent segments.
/// </summary>
public sealed class ChangedRowsTests : IAsyncLifetime
{
    private const int Segments = 200;
    private static readonly LocalDate Start = new(2020, 1, 6);
    private readonly TestDatabase database = TestDatabase.Sqlite();
    private ServiceProvider? services;

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddGridGovernanceEntityFrameworkCore(o => database.Use(o));
        collection.AddGridGovernance();
        services = collection.BuildServiceProvider();
        await GridGovernanceDatabase.MigrateAsync(services);
        Execute("""
            CREATE TABLE RowWrites (N INTEGER NOT NULL); INSERT INTO RowWrites VALUES (0);
            CREATE TRIGGER u_ins AFTER INSERT ON OrgUnits BEGIN UPDATE RowWrites SET N = N + 1; END;
            CREATE TRIGGER u_upd AFTER UPDATE ON OrgUnits BEGIN UPDATE RowWrites SET N = N + 1; END;
            CREATE TRIGGER u_del AFTER DELETE ON OrgUnits BEGIN UPDATE RowWrites SET N = N + 1; END;
            CREATE TRIGGER s_ins AFTER INSERT ON OrgUnits_Parents_Segments BEGIN UPDATE RowWrites SET N = N + 1; END;
            CREATE TRIGGER s_upd AFTER UPDATE ON OrgUnits_Parents_Segments BEGIN UPDATE RowWrites SET N = N + 1; END;
            CREATE TRIGGER s_del AFTER DELETE ON OrgUnits_Parents_Segments BEGIN UPDATE RowWrites SET N = N + 1; END;
            """);
        // A unit moved 199 times: 200 parent segments of a week each, the last one open.
        var parents = Enumerable.Range(0, Segments).Select(i => new Segment<OrgUnitId?>(
            new OrgUnitId(100 + i % 7), Start.PlusWeeks(i), i == Segments - 1 ? null : Start.PlusWeeks(i + 1))).ToArray();
        var unit = StoredForms.OrgUnit.Restore(StoredFormSamples.OrgUnit with
        {
            Parents = [.. parents],
            Names = [new("三网格", Start, null)],
            Kinds = [new(UnitKind.GridBranch, Start, null)],
        });
        await using var scope = services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
        await units.AddAsync(unit);
        await units.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }
        database.Dispose();
    }

    [Fact]
    public async Task RenamingAUnitWith200ParentSegments_WritesOneRow()
    {
        long before = Writes();

        await ChangeAsync(u => u.Rename("幸福里网格", Start.PlusWeeks(Segments + 1)));

        Assert.Equal(1, Writes() - before);
        Assert.Equal(Segments, StoredSegments().Count);
    }

    [Fact]
    public async Task MovingIt_WritesTheRootTheClosedSegmentAndTheNewOne_AndTheStoredRowsAreItsHistory()
    {
        long before = Writes();
        var moved = Start.PlusWeeks(Segments + 3);

        var unit = await ChangeAsync(u => MoveTo(u, new OrgUnitId(99), moved));

        Assert.Equal(3, Writes() - before);
        var expected = unit.Parents.Segments.Select((s, i) => (i, (long?)s.Value?.Value, s.From.ToString("uuuu-MM-dd", null), s.Until?.ToString("uuuu-MM-dd", null))).ToList();
        Assert.Equal(expected, StoredSegments());
    }

    [Fact]
    public async Task TwoUpdatesInOneScope_EachWriteOnlyTheirChanges()
    {
        await using var scope = services!.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
        var unit = (await units.ListAsync()).Single();
        long before = Writes();

        MoveTo(unit, new OrgUnitId(98), Start.PlusWeeks(Segments + 1));
        await units.UpdateAsync(unit);
        await units.SaveChangesAsync();
        long first = Writes() - before;
        unit.Rename("又一个名字", Start.PlusWeeks(Segments + 2));
        await units.UpdateAsync(unit);
        await units.SaveChangesAsync();

        Assert.Equal(3, first);
        Assert.Equal(4, Writes() - before);
        Assert.Equal(Segments + 1, StoredSegments().Count);
    }

    [Fact]
    public async Task AnInstanceTheScopeDidNotRead_HasItsChildRowsReplaced_AndStillStoresItsHistory()
    {
        OrgUnit copy;
        await using (var read = services!.CreateAsyncScope())
        {
            copy = (await read.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>().ListAsync()).Single();
        }
        long before = Writes();
        MoveTo(copy, new OrgUnitId(97), Start.PlusWeeks(Segments + 1));

        await using (var write = services!.CreateAsyncScope())
        {
            var units = write.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
            await units.UpdateAsync(copy);
            await units.SaveChangesAsync();
        }

        Assert.Equal(1 + Segments + Segments + 1, Writes() - before);
        Assert.Equal(Segments + 1, StoredSegments().Count);
    }

    private async Task<OrgUnit> ChangeAsync(Action<OrgUnit> change)
    {
        await using var scope = services!.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<IRepository<OrgUnit>>();
        var unit = (await units.ListAsync()).Single();
        change(unit);
        await units.UpdateAsync(unit);
        await units.SaveChangesAsync();
        return unit;
    }

    // OrgUnit.MoveTo is the organisation service's (it checks the hierarchy); here only the stored rows matter.
    private static void MoveTo(OrgUnit unit, OrgUnitId parent, LocalDate effective) =>
        typeof(OrgUnit).GetMethod("MoveTo", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(unit, [(OrgUnitId?)parent, effective]);

    private long Writes()
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT N FROM RowWrites";
        return (long)command.ExecuteScalar()!;
    }

    private List<(int, long?, string, string?)> StoredSegments()
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Ordinal, Value, \"From\", Until FROM OrgUnits_Parents_Segments ORDER BY Ordinal";
        using var reader = command.ExecuteReader();
        var rows = new List<(int, long?, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return rows;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
