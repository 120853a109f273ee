using System.Runtime.CompilerServices;

namespace GridGovernance.Scoring.Engine;

/// <summary>One item version flattened for the hot loop.</summary>
internal readonly struct ItemRule
{
    internal ItemRule(RuleItemVersion version)
    {
        Kind = version.Kind;
        OncePerPeriod = version.OncePerPeriod;
        DoubleAfterReminder = version.DoubleAfterReminder;
        Units = version.Points.Units;
        Minimum = version.Minimum?.Units ?? 0;
        Maximum = version.Maximum?.Units ?? 0;
        Tiers = [.. version.Tiers.Select(t => t.Points.Units)];
        int mask = 0;
        foreach (var kind in version.EligibleKinds)
        {
            mask |= 1 << (int)kind;
        }
        EligibleMask = version.EligibleKinds.Count == 0 ? -1 : mask;
    }

    internal ItemKind Kind { get; }

    internal bool OncePerPeriod { get; }

    internal bool DoubleAfterReminder { get; }

    internal long Units { get; }

    internal long Minimum { get; }

    internal long Maximum { get; }

    internal long[] Tiers { get; }

    internal int EligibleMask { get; }

    /// <summary>Whether an occurrence can be worth more than zero, and less than zero.</summary>
    internal (bool Positive, bool Negative) Signs => Kind switch
    {
        ItemKind.Fixed or ItemKind.AutomaticGrant => (true, false),
        ItemKind.Deduction or ItemKind.Threshold or ItemKind.Veto => (false, Units < 0),
        ItemKind.Discretionary => (Maximum > 0, Minimum < 0),
        ItemKind.Tiered => (Tiers.Any(t => t > 0), Tiers.Any(t => t < 0)),
        _ => (false, false),
    };

    /// <summary>What an occurrence is worth under this rule; false for a bad tier, or for a threshold or grant (the engine computes those itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool TryValue(in AssessmentEntry e, out long value)
    {
        switch (Kind)
        {
            case ItemKind.Fixed:
            case ItemKind.Deduction:
            case ItemKind.Veto:
                value = e.AfterReminder && DoubleAfterReminder ? Units * 2 : Units;
                return true;
            case ItemKind.Discretionary:
                value = Math.Clamp(e.Value.Units, Minimum, Maximum);
                return true;
            case ItemKind.Tiered when (uint)e.Tier < (uint)Tiers.Length:
                value = e.AfterReminder && DoubleAfterReminder ? Tiers[e.Tier] * 2 : Tiers[e.Tier];
                return true;
            default:
                value = 0;
                return false;
        }
    }
}
