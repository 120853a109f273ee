using System.Collections.Immutable;

namespace GridGovernance.Scoring.Signals;

/// <summary>The gaming signals (防刷分) of one period's ledger, made by <see cref="PointsSignals.Detect"/>.</summary>
[Immutable]
public sealed class PointsSignalReport
{
    internal PointsSignalReport(AssessmentPeriod period, PointsSignalOptions options, ImmutableArray<PointsSignal> signals, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        Period = period;
        Options = options;
        Signals = signals;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
        FlaggedMembers = [.. signals.SelectMany(s => new[] { s.Member, s.Counterpart }).Where(m => m is not null).Select(m => m!.Value).Distinct().OrderBy(m => m.Value)];
    }

    /// <summary>The period looked at.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>The thresholds used.</summary>
    public PointsSignalOptions Options { get; }

    /// <summary>Every signal, by pattern, then score descending, then member (or branch) id ascending.</summary>
    public ImmutableArray<PointsSignal> Signals { get; }

    /// <summary>The members and reviewers named by any signal (a reviewer pair names both), ascending.</summary>
    public ImmutableArray<MemberId> FlaggedMembers { get; }

    /// <summary>Entries whose day lies outside the period (left out of every pattern but duplicate evidence).</summary>
    public int EntriesOutsidePeriod { get; }

    /// <summary>Entries of members not on the roster (left out).</summary>
    public int EntriesOfUnknownMembers { get; }

    /// <summary>The signals of one pattern, in report order.</summary>
    /// <param name="pattern">The pattern.</param>
    public IEnumerable<PointsSignal> Of(SignalPattern pattern) => Signals.Where(s => s.Pattern == pattern);
}
