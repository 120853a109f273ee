using BenchmarkDotNet.Attributes;
using GridGovernance.Scoring.Signals;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Scoring;

/// <summary>
/// Gaming signals (防刷分) over a city's year: a clean generated ledger of 100,000 members and about 10M entries
/// (<see cref="PointsSignalsGenerator.Clean"/>, 100 entries a member on average; "community": 500 members, 50 each).
/// </summary>
[MemoryDiagnoser]
public class PointsSignalsBenchmarks
{
    private SignalScenario scenario = null!;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "city";

    public static IEnumerable<string> Sizes => CitySizes.Names;

    [GlobalSetup]
    public void Setup() =>
        scenario = Size == "city" ? PointsSignalsGenerator.Clean(100_000, seed: 21, entriesPerMember: 100) : PointsSignalsGenerator.Clean(500, seed: 21, entriesPerMember: 50);

    [Benchmark]
    public int Detect_AllPatterns() => PointsSignals.Detect(scenario.RuleBook, scenario.Period, scenario.Roster, scenario.Entries).Signals.Length;
}
