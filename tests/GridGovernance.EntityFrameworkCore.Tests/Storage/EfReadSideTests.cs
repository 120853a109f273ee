using System.Collections.Concurrent;
using GridGovernance.EntityFrameworkCore.Mapping;
using GridGovernance.EntityFrameworkCore.Storage;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Specifications;
using GridGovernance.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>The SQL the read side sends: projections select only their columns when they can, searches are LIKE (a subclass per database).</summary>
public abstract class EfReadSideTests : IAsyncLifetime
{
    private readonly TestDatabase database;
    private readonly ConcurrentQueue<string> commands = new();
    private ServiceProvider? services;

    private readonly RewardItem[] items = [.. Enumerable.Range(1, 12).Select(i => new RewardItem(new RewardItemId(i), i % 3 == 0 ? $"Kettle_{i}" : $"towel {i}%", Points.From(i), stock: (i * 7) % 10))];

    protected EfReadSideTests(TestDatabase database)
    {
        this.database = database;
    }

    public async Task InitializeAsync()
    {
        var collection = new ServiceCollection();
        // Name and Stock get columns; Price has none, so a selector reading it needs the documents.
        collection.AddGridGovernanceEntityFrameworkCore(o => database.Use(o, b => b.LogTo(commands.Enqueue, [RelationalEventId.CommandExecuted], LogLevel.Information))
            .Map<RewardItem>(m => m.Column(i => i.Name).Column(i => i.Stock)));
        collection.AddGridGovernance();
        services = collection.BuildServiceProvider();
        Assert.True(await GridGovernanceDatabase.EnsureCreatedAsync(services));
        await using var scope = services.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IRepository<RewardItem>>();
        await repository.AddRangeAsync(items);
        await repository.SaveChangesAsync();
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
    public async Task AProjectionOfColumns_SelectsThemAndNotTheDocument()
    {
        var specification = Specification.Create<RewardItem, (RewardItemId, string, int)>(q => q
            .Select(i => ValueTuple.Create(i.Id, i.Name.ToUpperInvariant(), i.Stock * 2))
            .Where(i => i.Stock > 2).OrderByDescending(i => i.Stock).ThenBy(i => i.Id).Skip(1).Take(5));

        var (listed, sql) = await ListAsync(specification);

        Assert.Equal(InMemorySpecificationEvaluator.Evaluate(items, specification), listed);
        Assert.Equal(5, listed.Count);
        Assert.DoesNotContain("\"Document\"", sql, StringComparison.Ordinal);
        Assert.Contains("\"Stock\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProjectionOfAMemberWithoutAColumn_ReadsTheDocuments_WithTheSameResult()
    {
        var specification = Specification.Create<RewardItem, string>(q => q.Select(i => i.Name + "=" + i.Price).Where(i => i.Stock < 8).OrderBy(i => i.Id));

        var (listed, sql) = await ListAsync(specification);

        Assert.Equal(InMemorySpecificationEvaluator.Evaluate(items, specification), listed);
        Assert.Contains("\"Document\"", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASearch_IsLikeWithItsEscape_InTheSql()
    {
        var specification = Specification.Create<RewardItem, int>(q => q.Select(i => i.Id.Value).Search(i => i.Name, @"kettle\_%").OrderBy(i => i.Id));
        var literalPercent = Specification.Create<RewardItem, int>(q => q.Select(i => i.Id.Value).Search(i => i.Name, "%" + LikePattern.Escape("1%")).OrderBy(i => i.Id));

        var (listed, sql) = await ListAsync(specification);
        var (percent, _) = await ListAsync(literalPercent);

        Assert.Equal([3, 6, 9, 12], listed);
        Assert.Equal([1, 11], percent);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("ESCAPE", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHandWrittenSpecification_WithANullFilterOrANegativePage_IsRefused()
    {
        await using var scope = services!.CreateAsyncScope();
        var repository = scope.ServiceProvider.GetRequiredService<IReadRepository<RewardItem>>();

        await Assert.ThrowsAsync<ArgumentException>(() => repository.ListAsync(new Malformed(nullFilter: true)));
        await Assert.ThrowsAsync<ArgumentException>(() => repository.CountAsync(new Malformed(nullFilter: false)));
    }

    private async Task<(IReadOnlyList<TResult> Listed, string Sql)> ListAsync<TResult>(ISpecification<RewardItem, TResult> specification)
    {
        await using var scope = services!.CreateAsyncScope();
        commands.Clear();
        var listed = await scope.ServiceProvider.GetRequiredService<IReadRepository<RewardItem>>().ListAsync(specification);
        return (listed, string.Join("\n", commands));
    }

    private sealed class Malformed(bool nullFilter) : ISpecification<RewardItem>
    {
        public IReadOnlyList<System.Linq.Expressions.Expression<Func<RewardItem, bool>>> WhereExpressions { get; } = nullFilter ? [null!] : [];

        public IReadOnlyList<OrderExpression<RewardItem>> OrderExpressions { get; } = [];

        public int? Skip => nullFilter ? null : -1;

        public int? Take => null;
    }
}

public sealed class SqliteReadSideTests() : EfReadSideTests(TestDatabase.Sqlite());

[RequiresPostgres]
public sealed class PostgresReadSideTests() : EfReadSideTests(TestDatabase.Postgres());

/// <summary>Which selectors a store can answer from columns.</summary>
public sealed class ProjectionPlanTest
{
    [Fact]
    public void InstantColumns_AreReadFromTheDocument_OtherColumnsDirectly()
    {
        var map = new MappedAggregate(typeof(WorkOrder));
        map.AddColumn(MappedColumn.Create((System.Linq.Expressions.Expression<Func<WorkOrder, Instant>>)(o => o.FiledAt), null, unique: false));
        map.AddColumn(MappedColumn.Create((System.Linq.Expressions.Expression<Func<WorkOrder, WorkOrderStatus>>)(o => o.Status), null, unique: false));

        Assert.Null(ProjectionPlan<WorkOrder, Instant>.For(map, DatabaseKind.Sqlite, o => o.FiledAt).Columns);
        Assert.Null(ProjectionPlan<WorkOrder, Instant>.For(map, DatabaseKind.Npgsql, o => o.FiledAt).Columns);
        Assert.Equal(["Id", "Status"], ProjectionPlan<WorkOrder, string>.For(map, DatabaseKind.Npgsql, o => o.Id + ":" + o.Status).ColumnNames);
    }
}
