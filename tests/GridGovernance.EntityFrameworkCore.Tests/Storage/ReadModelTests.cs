using System.Data.Common;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// The read model (docs/storage.md, "A read model for a city's other systems") on each database: the views have exactly
/// the documented columns, every view's rows are what the aggregates read through the repositories say, and the
/// dashboard's SQL, read from the doc, gives the figures computed from the aggregates in memory.
/// </summary>
public abstract class ReadModelTests(Func<TestDatabase> databases, Func<string, DbConnection> connect, bool postgres)
{
    private static readonly CitySize Small = new("read-model", 2, 3, new(2, 2), new(1, 2), new(3, 5), new(3, 6), new(0, 1));
    private static readonly RuleBook Book = ScoringGenerator.Laiwu();
    private static readonly Instant Start = Instant.FromUtc(2024, 6, 3, 1, 0);
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Views_HaveExactlyTheDocumentedColumns()
    {
        using var database = databases();
        using var services = Services(database, new FakeClock(Start), schema: null);
        await GridGovernanceDatabase.MigrateAsync(services);
        var documented = ReadModelDoc.Views();

        Assert.Equal(documented.Keys.Order(StringComparer.Ordinal), ReadModelViews(database));
        Assert.Equal(8, documented.Count);
        foreach (var (view, columns) in documented)
        {
            Assert.True(columns.Count >= 3, $"{view}: the doc's column table was not read");
            if (postgres)
            {
                var actual = Query(database, "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @view ORDER BY ordinal_position",
                    ("@view", view));
                Assert.Equal(columns.Select(c => $"{c.Name} {c.Type}"), actual.Select(r => $"{r[0]} {r[1]}"));
            }
            else
            {
                var actual = Query(database, "SELECT name FROM pragma_table_info(@view) ORDER BY cid", ("@view", view));
                Assert.Equal(columns.Select(c => c.Name), actual.Select(r => (string)r[0]!));
            }
        }
    }

    // The rule: for generated cities (roster, rule-book catalogue, a ledger in every state, contacts, work orders filed,
    // triaged and escalated), every view holds exactly the rows the aggregates read through the repositories say.
    [Property(MaxTest = 4, Arbitrary = [typeof(Seeds)])]
    public void EveryView_HoldsWhatTheAggregatesSay(int seed)
    {
        using var database = databases();
        var clock = new FakeClock(Start);
        var city = CityGenerator.Generate(Small, seed);
        using var services = Services(database, clock, city.Schema);
        BuildAsync(services, clock, city, seed).GetAwaiter().GetResult();
        var expected = ExpectedRowsAsync(services).GetAwaiter().GetResult();

        foreach (var (view, columns) in ReadModelDoc.Views())
        {
            var actual = Query(database, $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {view}")
                .Select(row => string.Join("|", row.Select((value, i) => Canon(value, columns[i].Type))))
                .Order(StringComparer.Ordinal);
            Assert.True(expected.ContainsKey(view), $"no expectation for {view}");
            Assert.Equal(expected[view].Order(StringComparer.Ordinal), actual);
        }
        Assert.All(expected, e => Assert.NotEmpty(e.Value));
    }

    [Fact]
    public async Task DashboardSql_GivesTheFiguresOfTheAggregates()
    {
        using var database = databases();
        var clock = new FakeClock(Start);
        var city = CityGenerator.Generate(Small, seed: 3);
        using var services = Services(database, clock, city.Schema);
        await BuildAsync(services, clock, city, seed: 3);
        var now = clock.GetCurrentInstant();

        using var scope = services.CreateScope();
        var units = (await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync()).ToDictionary(u => u.Id);
        var members = await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync();
        var entries = await scope.ServiceProvider.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync();
        var orders = await scope.ServiceProvider.GetRequiredService<IReadRepository<WorkOrder>>().ListAsync();
        OrgUnitId? Above(OrgUnitId from, UnitKind kind)
        {
            for (OrgUnitId? id = from; id is OrgUnitId u; id = units[u].ParentId)
            {
                if (units[u].Kind == kind)
                {
                    return u;
                }
            }
            return null;
        }

        // Members per grid: the active members of each open grid branch or a group under it.
        var perGrid = units.Values.Where(u => u.Kind == UnitKind.GridBranch && !u.IsClosed).OrderBy(u => u.Id.Value)
            .Select(g => $"{g.Id.Value}|{g.Name}|{members.Count(m => m.IsActive && Above(m.BranchId, UnitKind.GridBranch) == g.Id)}").ToList();
        Assert.Contains(perGrid, row => !row.EndsWith("|0", StringComparison.Ordinal));
        Assert.Equal(perGrid, Dashboard(database, "members-per-grid"));

        // Points per branch: what the assessment counts of 2024, by the member's branch now.
        var branchOf = members.ToDictionary(m => m.Id, m => m.BranchId);
        var year = AssessmentPeriod.Year(2024);
        var perBranch = entries.Where(e => e.RuleBookId == Book.Id && e.CountsInAssessment && year.Contains(e.OccurredOn))
            .GroupBy(e => branchOf[e.Member]).OrderBy(g => g.Key.Value)
            .Select(g => $"{g.Key.Value}|{g.Count()}|{Decimal(g.Sum(e => e.Points.ToDecimal()))}").ToList();
        Assert.NotEmpty(perBranch);
        Assert.Equal(perBranch, Dashboard(database, "points-per-branch",
            ("@rule_book", Book.Id), ("@period_start", Date(year.Start)), ("@period_end", Date(year.End))));

        // Overdue orders per street: open orders due at or before now, by the street at or above the responsible unit.
        var perStreet = orders.Where(o => o.IsOverdueAt(now)).GroupBy(o => Above(o.ResponsibleUnit, UnitKind.Street))
            .Where(g => g.Key is not null).OrderBy(g => g.Key!.Value.Value)
            .Select(g => $"{g.Key!.Value.Value}|{units[g.Key!.Value].Name}|{g.Count()}").ToList();
        Assert.NotEmpty(perStreet);
        Assert.Contains(orders, o => !o.IsOverdueAt(now) && o.DueAt <= now);   // closed in time or after it
        Assert.Contains(orders, o => !o.IsOverdueAt(now) && o.IsOpen);
        Assert.Equal(perStreet, Dashboard(database, "overdue-per-street", ("@now", Time(now))));
    }

    // The migration ReadModel on a database that held work orders before it: Down drops the views and the columns, Up
    // adds the columns, fills them from the stored documents and creates the views, which then hold what the aggregates say.
    [Fact]
    public async Task Migration_DownAndUp_FillsTheNewColumnsFromTheDocuments()
    {
        using var database = databases();
        var clock = new FakeClock(Start);
        var city = CityGenerator.Generate(Small, seed: 11);
        using var services = Services(database, clock, city.Schema);
        await BuildAsync(services, clock, city, seed: 11);
        var expected = await ExpectedRowsAsync(services);
        // Some order is the responsibility of another unit than where it happened, so the filled column is not a copy.
        Assert.Contains(expected["rm_work_orders"], row => row.Split('|') is var f && f[4] != f[5]);

        await using (var scope = services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<GridGovernanceDbContext>().GetService<IMigrator>();
            await migrator.MigrateAsync("StoredFormsLedgerColumnsUnitPoints");
            Assert.Empty(ReadModelViews(database));
            Assert.DoesNotContain("ResponsibleUnit", Columns(database, "WorkOrders"));
            await migrator.MigrateAsync();
        }

        Assert.Equal(ReadModelDoc.Views().Keys.Order(StringComparer.Ordinal), ReadModelViews(database));
        foreach (var (view, columns) in ReadModelDoc.Views())
        {
            var actual = Query(database, $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {view}")
                .Select(row => string.Join("|", row.Select((value, i) => Canon(value, columns[i].Type))))
                .Order(StringComparer.Ordinal);
            Assert.Equal(expected[view].Order(StringComparer.Ordinal), actual);
        }
    }

    private List<string> ReadModelViews(TestDatabase database) =>
        [.. Query(database, postgres
            ? "SELECT table_name FROM information_schema.views WHERE table_schema = 'public' AND table_name LIKE 'rm\\_%' ORDER BY table_name"
            : "SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name").Select(r => (string)r[0]!)];

    private List<string> Columns(TestDatabase database, string table) =>
        [.. Query(database, postgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table"
            : "SELECT name FROM pragma_table_info(@table)", ("@table", table)).Select(r => (string)r[0]!)];

    /// <summary>Seeds for the generated cities.</summary>
    public static class Seeds
    {
        /// <summary>A seed.</summary>
        public static Arbitrary<int> Seed() => Gen.Choose(1, 100_000).ToArbitrary();
    }

    private static ServiceProvider Services(TestDatabase database, FakeClock clock, HierarchySchema? schema)
    {
        var collection = new ServiceCollection().AddSingleton<IClock>(clock);
        database.AddStore(collection);
        return collection.AddGridGovernance(o =>
        {
            if (schema is not null)
            {
                o.Schema = schema;
            }
        }).BuildServiceProvider();
    }

    private static async Task<T> Run<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> step)
    {
        await using var scope = services.CreateAsyncScope();
        return await step(scope.ServiceProvider);
    }

    // A small city through the public services: the roster, the rule book in the catalogue, a ledger with entries in
    // every state (of another book, reversed, rejected, declared, outside the year), contacts, and work orders filed,
    // most triaged, some escalated when overdue.
    private static async Task BuildAsync(ServiceProvider services, FakeClock clock, GeneratedCity city, int seed)
    {
        await GridGovernanceDatabase.MigrateAsync(services);
        await Run(services, s => city.ImportAsync(s.GetRequiredService<OrganisationService>()));
        var random = new Random(seed);
        var members = city.Roster.Members;
        var households = city.Roster.Households;

        var secretary = city.Roster.Roles.First(r => r.Role == RoleKind.Secretary && r.UnitId == city.District);
        await Run(services, s => s.GetRequiredService<RuleBookCatalogue>().AddAsync(Actor.Post(secretary.MemberId, RoleKind.Secretary, city.District), Book, city.District));

        var system = LedgerActor.ForSystem("t");
        var entries = new List<LedgerEntry>();
        long next = 1;
        for (int i = 0; i < 40; i++)
        {
            var item = Book.Items[random.Next(Book.Items.Length)];
            var version = item.Versions[0];
            var request = new LedgerEntryRequest
            {
                Member = members[random.Next(members.Count)].Id,
                ItemCode = item.Code,
                OccurredOn = new LocalDate(random.Next(8) == 0 ? 2023 : 2024, random.Next(1, 13), random.Next(1, 29)),
                IdempotencyKey = $"key-{next}",
                Tier = version.Kind == ItemKind.Tiered ? version.Tiers[random.Next(version.Tiers.Count)].Code : null,
            };
            var points = version.Kind == ItemKind.Discretionary ? version.Maximum!.Value : version.Points;
            long id = next++;
            var at = Start - Duration.FromDays(random.Next(1, 100));
            switch (random.Next(8))
            {
                case 0:
                    entries.Add(LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, system, at));
                    break;
                case 1:
                    var rejected = LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, system, at);
                    rejected.Reject(Actor.System("review"), LedgerActor.ForSystem("review"), "no evidence", at + Duration.FromHours(3));
                    entries.Add(rejected);
                    break;
                case 2:
                    var original = LedgerEntry.Record(new LedgerEntryId(id), Book.Id, LedgerSource.Automatic, request, points, system, at);
                    var reversal = LedgerEntry.CreateReversal(new LedgerEntryId(next++), original, $"rev-{id}", system, "wrong", at + Duration.FromDays(1));
                    original.MarkReversed(reversal.Id, system, "wrong");
                    entries.AddRange([original, reversal]);
                    break;
                case 3:
                    entries.Add(LedgerEntry.Record(new LedgerEntryId(id), "another-book", LedgerSource.Automatic, request, points, system, at));
                    break;
                case 4:
                    var approved = LedgerEntry.Declare(new LedgerEntryId(id), Book.Id, request, points, system, at);
                    approved.Approve(Actor.System("review"), LedgerActor.ForSystem("review"), points, null, at + Duration.FromMilliseconds(random.Next(1, 100_000_000)));
                    entries.Add(approved);
                    break;
                default:
                    entries.Add(LedgerEntry.Record(new LedgerEntryId(id), Book.Id, LedgerSource.Automatic, request, points, system, at));
                    break;
            }
        }
        await Run(services, async s =>
        {
            var repository = s.GetRequiredService<IRepository<LedgerEntry>>();
            await repository.AddRangeAsync(entries);
            return await repository.SaveChangesAsync();
        });

        foreach (var member in members.Where(_ => random.Next(3) == 0))
        {
            for (int c = random.Next(1, 3); c > 0; c--)
            {
                var request = new ContactRecordRequest(member.Id, households[random.Next(households.Count)].Id,
                    Start.InUtc().Date.PlusDays(-random.Next(0, 60)), (ContactKind)random.Next(4), "走访");
                await Run(services, s => s.GetRequiredService<ContactLogService>().RecordAsync(Actor.Member(member.Id), request));
            }
        }

        foreach (var draft in WorkOrderGenerator.Drafts(city, 16, seed))
        {
            var order = await Run(services, s => s.GetRequiredService<WorkOrderService>().FileAsync(WorkOrderGenerator.FilerOf(draft), draft));
            if (random.Next(5) != 0)
            {
                await Run(services, s => s.GetRequiredService<WorkOrderService>().TriageAsync(Actor.System("triage"), order.Id));
                if (random.Next(4) == 0)
                {
                    // Handled to the end by the district's secretary (jurisdiction over every unit), rated by its filer.
                    var handler = Actor.Post(secretary.MemberId, RoleKind.Secretary, city.District);
                    await Run(services, s => s.GetRequiredService<WorkOrderService>().ClaimAsync(handler, order.Id));
                    await Run(services, s => s.GetRequiredService<WorkOrderService>().ResolveAsync(handler, order.Id, "photo:after"));
                    await Run(services, s => s.GetRequiredService<WorkOrderService>().RateAsync(WorkOrderGenerator.FilerOf(draft), order.Id, satisfied: true));
                    await Run(services, s => s.GetRequiredService<WorkOrderService>().CloseAsync(Actor.System("close"), order.Id));
                }
            }
            clock.Advance(Duration.FromHours(random.Next(1, 30)));
        }
        clock.Advance(Duration.FromDays(random.Next(1, 4)));
        await Run(services, s => s.GetRequiredService<WorkOrderService>().EscalateOverdueAsync(Actor.System("work-order-scan")));
        clock.Advance(Duration.FromDays(random.Next(0, 3)));
    }

    // Each view's rows as the aggregates say, in the canonical form of Canon.
    private static async Task<Dictionary<string, List<string>>> ExpectedRowsAsync(ServiceProvider services)
    {
        using var scope = services.CreateScope();
        async Task<IReadOnlyList<T>> All<T>() where T : class, IAggregateRoot => await scope.ServiceProvider.GetRequiredService<IReadRepository<T>>().ListAsync();
        var units = await All<OrgUnit>();
        var members = await All<Member>();
        var households = await All<Household>();
        var books = await All<StoredRuleBook>();
        var entries = await All<LedgerEntry>();
        var orders = await All<WorkOrder>();
        var logs = await All<ContactLog>();
        var items = books.SelectMany(b => b.Latest.ToRuleBook().Items.Select(i => (Book: b.Id.Value, i.Code, i.Category, i.Name))).ToList();
        var categories = items.ToDictionary(i => (i.Book, i.Code), i => i.Category);
        return new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["rm_units"] = [.. units.Select(u => Row(u.Id.Value, u.Name, u.Kind.Code, u.ParentId?.Value, u.IsClosed))],
            ["rm_members"] = [.. members.Select(m => Row(m.Id.Value, m.Name, m.BranchId.Value, m.IsActive))],
            ["rm_member_roles"] = [.. members.SelectMany(m => m.Roles.Select(r => Row(m.Id.Value, r.Role.Code, r.Unit.Value, r.Validity.From, r.Validity.Until)))],
            ["rm_households"] = [.. households.Select(h => Row(h.Id.Value, h.UnitId.Value, h.IsActive))],
            ["rm_rule_items"] = [.. items.Select(i => Row(i.Book, i.Code, i.Category, i.Name))],
            ["rm_ledger_entries"] = [.. entries.Select(e => Row(e.Id.Value, e.Member.Value, e.RuleBookId, e.ItemCode,
                categories.GetValueOrDefault((e.RuleBookId, e.ItemCode)), e.Points, e.Status.ToString(), e.ReversalOf?.Value, e.OccurredOn, e.RecordedAt, e.ReviewedAt))],
            ["rm_work_orders"] = [.. orders.Select(o => Row(o.Id.Value, o.Category, o.Status.ToString(), o.IsOpen, o.Unit.Value, o.ResponsibleUnit.Value, o.FiledAt, o.DueAt, o.ClosedAt))],
            ["rm_contacts"] = [.. logs.SelectMany(l => l.Records.Select(r => Row(l.Member.Value, l.Year, r.Household.Value, r.Date, r.Kind.ToString())))],
        };
    }

    private static string Row(params object?[] values) => string.Join("|", values.Select(v => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        LocalDate d => d.ToString("yyyy-MM-dd", Inv),
        Instant i => Time(i.ToDateTimeUtc()),
        Points p => Decimal(p.ToDecimal()),
        _ => Convert.ToString(v, Inv),
    }));

    // A value read from a view, by its documented type: SQLite's 0/1, ISO text and REAL read as PostgreSQL's boolean,
    // date, timestamp and numeric.
    private static string Canon(object? value, string type) => value switch
    {
        null => "null",
        _ when type == "boolean" => Convert.ToBoolean(value, Inv) ? "true" : "false",
        DateTime t when type == "date" => t.ToString("yyyy-MM-dd", Inv),
        DateOnly d when type == "date" => d.ToString("yyyy-MM-dd", Inv),
        DateTime t when type == "timestamp with time zone" => Time(t),
        _ when type == "numeric" => Decimal(Convert.ToDecimal(value, Inv)),
        _ => Convert.ToString(value, Inv)!,
    };

    private static string Time(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv);

    private static string Decimal(decimal value) => Math.Round(value, 4).ToString("0.####", Inv);

    private object Date(LocalDate date) => postgres ? date.ToDateOnly() : date.ToString("yyyy-MM-dd", Inv);

    private object Time(Instant instant) => postgres ? instant.ToDateTimeUtc() : Time(instant.ToDateTimeUtc());

    private List<string> Dashboard(TestDatabase database, string name, params (string Name, object Value)[] parameters) =>
        [.. Query(database, ReadModelDoc.Dashboard(name), parameters).Select(row => string.Join("|", row.Select(v => v switch
        {
            double or decimal => Decimal(Convert.ToDecimal(v, Inv)),
            _ => Convert.ToString(v, Inv),
        })))];

    private List<object?[]> Query(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = connect(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}

public sealed class SqliteReadModelTests() : ReadModelTests(TestDatabase.Sqlite, c => new SqliteConnection(c), postgres: false);

[RequiresPostgres]
public sealed class PostgresReadModelTests() : ReadModelTests(TestDatabase.Postgres, c => new NpgsqlConnection(c), postgres: true);
