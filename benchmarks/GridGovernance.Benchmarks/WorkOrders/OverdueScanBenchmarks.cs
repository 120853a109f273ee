using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Benchmarks.WorkOrders;

/// <summary>
/// Finding the overdue orders among the open ones (city: 1,000,000 open orders, about 1% overdue) with the
/// <see cref="OverdueIndex"/> (a heap walked only where it is due), against the baseline: a linear scan of every open
/// order's limit. Setup checks that both give the same ids. Also: keeping the index current as orders change
/// (re-tracking an order after an escalation, per change).
/// </summary>
[MemoryDiagnoser]
public class OverdueScanBenchmarks
{
    private const int Updates = 4096;
    private OpenOrder[] open = null!;
    private OverdueIndex index = null!;
    private Instant now;
    private (WorkOrderId Id, Instant Due)[] changes = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    /// <summary>How many open orders each size holds.</summary>
    public static int OpenOrders(string size) => size switch
    {
        "community" => 10_000,
        "street" => 100_000,
        "district" => 300_000,
        _ => 1_000_000,
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        now = Instant.FromUtc(2024, 6, 3, 2, 0);
        int n = OpenOrders(Size);
        open = new OpenOrder[n];
        index = new OverdueIndex();
        for (int i = 0; i < n; i++)
        {
            // Limits spread over the next 20 working weeks; one in a hundred already passed.
            long minutes = random.Next(100) == 0 ? -random.Next(1, 7 * 24 * 60) : random.Next(1, 140 * 24 * 60);
            open[i] = new OpenOrder(new WorkOrderId(i + 1), now + Duration.FromMinutes(minutes));
            index.Track(open[i].Id, open[i].Due);
        }
        changes = [.. Enumerable.Range(0, Updates).Select(_ => (new WorkOrderId(random.Next(1, n + 1)), now + Duration.FromMinutes(random.Next(1, 140 * 24 * 60))))];
        var fromIndex = index.Overdue(now);
        var fromScan = LinearScan(open, now);
        if (!fromIndex.SequenceEqual(fromScan))
        {
            throw new InvalidOperationException($"The index finds {fromIndex.Length} overdue orders, the linear scan {fromScan.Length}: not the same answer.");
        }
    }

    [Benchmark(Baseline = true)]
    public int Overdue_LinearScan() => LinearScan(open, now).Length;

    [Benchmark]
    public int Overdue_Index() => index.Overdue(now).Length;

    [Benchmark(OperationsPerInvoke = Updates)]
    public int Index_TrackChange()
    {
        foreach (var (id, due) in changes)
        {
            index.Track(id, due);
        }
        return index.Count;
    }

    /// <summary>The baseline: every open order's limit compared with now, in id order.</summary>
    public static ImmutableArray<WorkOrderId> LinearScan(OpenOrder[] orders, Instant now)
    {
        var result = ImmutableArray.CreateBuilder<WorkOrderId>();
        foreach (var order in orders)
        {
            if (WorkOrderTimeLimits.IsOverdue(order.Due, now))
            {
                result.Add(order.Id);
            }
        }
        return result.ToImmutable();
    }

    /// <summary>An open order's id and the end of its limit.</summary>
    public readonly record struct OpenOrder(WorkOrderId Id, Instant Due);
}
