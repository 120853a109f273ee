using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// Appending ledger entries through the repository (issue 15: bulk paths at database speed): <see cref="Entries"/>
/// new <see cref="LedgerEntry"/> aggregates added through <see cref="IRepository{T}"/> and saved in saves of a tenth
/// of them each (100k for 1M), into a fresh, migrated database. The anchor is the same appends into the in-memory
/// store. One cold iteration per database.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class LedgerAppendBenchmarks
{
    private readonly RuleBook ruleBook = ScoringGenerator.Laiwu();
    private readonly AssessmentPeriod year = AssessmentPeriod.Year(2024);
    private AssessmentEntry[] generated = [];
    private LedgerEntry[] entries = [];
    private ServiceProvider services = null!;
    private Action drop = () => { };

    [ParamsSource(nameof(Counts))]
    public int Entries { get; set; }

    public static IEnumerable<int> Counts => CitySizes.Names.Contains("community") ? [10_000] : [1_000_000];

    [ParamsSource(nameof(Databases))]
    public string Database { get; set; } = "sqlite";

    public static IEnumerable<string> Databases => ["memory", .. BenchDatabases.Names];

    [GlobalSetup]
    public void Setup()
    {
        var roster = ScoringGenerator.Roster(Math.Max(100, Entries / 100), branches: 10, seed: 3);
        generated = ScoringGenerator.Ledger(ruleBook, year, roster, Entries, seed: 3);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        // New aggregates every iteration: a save sets the versions of those it wrote.
        entries = Aggregates(ruleBook, generated, withTiers: false);
        if (Database == "memory")
        {
            services = BenchDatabases.Services(null);
            return;
        }
        (services, _, drop) = BenchDatabases.Migrated(Database);
    }

    /// <summary>
    /// The generated entries as recorded <see cref="LedgerEntry"/> aggregates of <paramref name="ruleBook"/> (ids and
    /// idempotency keys from the entries' sequence + 1, recorded by the system on 2025-01-02); with
    /// <paramref name="withTiers"/>, a tiered item's entry names the item's first tier.
    /// </summary>
    internal static LedgerEntry[] Aggregates(RuleBook ruleBook, AssessmentEntry[] generated, bool withTiers)
    {
        var at = Instant.FromUtc(2025, 1, 2, 0, 0);
        return [.. generated.Select(e =>
        {
            var version = ruleBook.Items[e.ItemIndex].Versions[0];
            return LedgerEntry.Record(new LedgerEntryId(e.Sequence + 1), ruleBook.Id, LedgerSource.Automatic, new LedgerEntryRequest
            {
                Member = e.Member,
                ItemCode = ruleBook.Items[e.ItemIndex].Code,
                OccurredOn = e.OccurredOn,
                IdempotencyKey = $"bench-{e.Sequence + 1}",
                Tier = withTiers && version.Kind == ItemKind.Tiered ? version.Tiers[0].Code : null,
            }, Points.From(1), LedgerActor.ForSystem("benchmark"), at);
        })];
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        services.Dispose();
        drop();
        drop = () => { };
    }

    [Benchmark]
    public async Task<int> AppendLedger()
    {
        int saved = 0;
        foreach (var chunk in entries.Chunk(Math.Max(1, Entries / 10)))
        {
            await using var scope = services.CreateAsyncScope();
            var repository = scope.ServiceProvider.GetRequiredService<IRepository<LedgerEntry>>();
            await repository.AddRangeAsync(chunk);
            saved += await repository.SaveChangesAsync();
        }
        return saved;
    }
}
