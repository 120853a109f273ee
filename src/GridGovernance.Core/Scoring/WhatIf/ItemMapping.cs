using NodaTime;

namespace GridGovernance.Scoring.WhatIf;

/// <summary>
/// Carries entries resolved against the current rule book over to the proposed one: items by code, tiers by code (in
/// the versions in force on the entry's day). Entries of items the proposed book lacks are dropped.
/// </summary>
internal sealed class ItemMapping
{
    private readonly RuleBook current;
    private readonly RuleBook proposed;
    private readonly int[] items; // current position → proposed position, or -1
    private readonly bool[] tiered; // current positions whose tiers need a look-up by code

    private ItemMapping(RuleBook current, RuleBook proposed, int[] items, bool[] tiered, bool isIdentity)
    {
        this.current = current;
        this.proposed = proposed;
        this.items = items;
        this.tiered = tiered;
        IsIdentity = isIdentity;
    }

    /// <summary>Whether every entry keeps its item and tier positions (the proposed book keeps the current one's positions).</summary>
    internal bool IsIdentity { get; }

    internal static ItemMapping Create(RuleBook current, RuleBook proposed, AssessmentPeriod period)
    {
        int n = current.Items.Length;
        var items = new int[n];
        var tiered = new bool[n];
        bool identity = true;
        for (int i = 0; i < n; i++)
        {
            string code = current.Items[i].Code;
            items[i] = proposed.HasItem(code) ? proposed.IndexOfItem(code) : -1;
            identity &= items[i] == i;
            if (items[i] >= 0 && HasTiers(current.Items[i]) | HasTiers(proposed.Items[items[i]]))
            {
                tiered[i] = !SameTierPositions(current, i, proposed, items[i], period);
                identity &= !tiered[i];
            }
        }
        return new ItemMapping(current, proposed, items, tiered, identity);
    }

    /// <summary>The entry under the proposed book, or <c>false</c> when its item is not there.</summary>
    internal bool TryMap(in AssessmentEntry entry, out AssessmentEntry mapped)
    {
        mapped = entry;
        if ((uint)entry.ItemIndex >= (uint)items.Length)
        {
            return true; // the engine reports an unknown position as it always does
        }
        int to = items[entry.ItemIndex];
        if (to < 0)
        {
            return false;
        }
        int tier = entry.Tier;
        if (tiered[entry.ItemIndex])
        {
            tier = MapTier(current.VersionOn(entry.ItemIndex, entry.OccurredOn), proposed.VersionOn(to, entry.OccurredOn), tier);
        }
        mapped = entry with { ItemIndex = to, Tier = tier };
        return true;
    }

    private static bool HasTiers(RuleItem item) => item.Versions.Any(v => v.Tiers.Count > 0);

    /// <summary>Whether, on every day of the period, each current tier sits at the same position in the proposed version.</summary>
    private static bool SameTierPositions(RuleBook current, int i, RuleBook proposed, int j, AssessmentPeriod period)
    {
        for (LocalDate d = period.Start; d <= period.End; d = d.PlusDays(1))
        {
            var from = current.VersionOn(i, d);
            var to = proposed.VersionOn(j, d);
            var fromTiers = from?.Tiers ?? [];
            var toTiers = to?.Tiers ?? [];
            for (int t = 0; t < fromTiers.Count; t++)
            {
                if (t >= toTiers.Count || !string.Equals(fromTiers[t].Code, toTiers[t].Code, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static int MapTier(RuleItemVersion? from, RuleItemVersion? to, int tier)
    {
        var fromTiers = from?.Tiers ?? [];
        if ((uint)tier >= (uint)fromTiers.Count)
        {
            return tier; // a bad tier stays bad
        }
        var toTiers = to?.Tiers ?? [];
        for (int t = 0; t < toTiers.Count; t++)
        {
            if (string.Equals(toTiers[t].Code, fromTiers[tier].Code, StringComparison.Ordinal))
            {
                return t;
            }
        }
        return -1; // the proposed version has no such tier: the engine ignores the entry
    }
}
