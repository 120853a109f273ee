using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring.Signals;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring.Signals;

/// <summary>
/// The gaming signals on ledgers of <see cref="PointsSignalsGenerator"/> (2,000 members, about 120,000 entries): each
/// pattern finds at least 90 % of the members it was injected for with at least 90 % precision, and a clean ledger
/// flags under 1 % of its members, with the default options.
/// </summary>
public sealed class PointsSignalsProperties
{
    private const int Members = 2_000;
    private const int Injected = 40;

    private static Arbitrary<int> Seeds => Gen.Choose(1, 1_000_000).ToArbitrary();

    public static TheoryData<SignalPattern> Patterns => new(Enum.GetValues<SignalPattern>());

    [Property(MaxTest = 4)]
    public Property CleanLedger_FlagsUnderOnePercentOfMembers() => Prop.ForAll(Seeds, seed =>
    {
        var s = PointsSignalsGenerator.Clean(Members, seed);
        var report = PointsSignals.Detect(s.RuleBook, s.Period, s.Roster, s.Entries);
        return (report.FlaggedMembers.Length < Members / 100 && !report.Signals.Any(x => x.Member is null))
            .Label($"flagged {report.FlaggedMembers.Length}: {string.Join("; ", report.Signals.Take(5))}");
    });

    [Property(MaxTest = 3)]
    public Property JustUnderCap_IsFound() => Finds(SignalPattern.JustUnderCap, seed => PointsSignalsGenerator.JustUnderCap(Members, Injected, seed));

    [Property(MaxTest = 3)]
    public Property EndOfPeriodBurst_IsFound() => Finds(SignalPattern.EndOfPeriodBurst, seed => PointsSignalsGenerator.EndOfPeriodBurst(Members, Injected, seed));

    [Property(MaxTest = 3)]
    public Property OwnBranchApprovals_IsFound() => Finds(SignalPattern.OwnBranchApprovals, seed => PointsSignalsGenerator.OwnBranchApprovals(Members, 20, seed));

    [Property(MaxTest = 3)]
    public Property ReciprocalApprovals_IsFound() => Finds(SignalPattern.ReciprocalApprovals, seed => PointsSignalsGenerator.ReciprocalApprovals(Members, 20, seed));

    [Property(MaxTest = 3)]
    public Property DuplicateEvidence_IsFound() => Finds(SignalPattern.DuplicateEvidence, seed => PointsSignalsGenerator.DuplicateEvidence(Members, Injected, seed));

    [Property(MaxTest = 3)]
    public Property Report_IsIndependentOfEntryAndRosterOrder() => Prop.ForAll(Seeds, Choices.Arbitrary(), (seed, order) =>
    {
        var s = PointsSignalsGenerator.ReciprocalApprovals(400, 4, seed, entriesPerMember: 30);
        var first = PointsSignals.Detect(s.RuleBook, s.Period, s.Roster, s.Entries);
        var second = PointsSignals.Detect(s.RuleBook, s.Period, [.. s.Roster.OrderBy(_ => order.Next())], s.Entries.OrderBy(_ => order.Next()).ToArray());
        return first.Signals.SequenceEqual(second.Signals) && first.FlaggedMembers.SequenceEqual(second.FlaggedMembers);
    });

    private static Property Finds(SignalPattern pattern, Func<int, SignalScenario> make) => Prop.ForAll(Seeds, seed =>
    {
        var s = make(seed);
        var report = PointsSignals.Detect(s.RuleBook, s.Period, s.Roster, s.Entries);
        var found = report.Of(pattern).SelectMany(x => new[] { x.Member, x.Counterpart }).Where(m => m is not null).Select(m => m!.Value).ToHashSet();
        int hits = found.Count(s.Injected.Contains);
        double recall = (double)hits / s.Injected.Count;
        double precision = found.Count == 0 ? 0 : (double)hits / found.Count;
        return (recall >= 0.9 && precision >= 0.9).Label($"{s}: found {found.Count}, recall {recall:P0}, precision {precision:P0}");
    });
}
