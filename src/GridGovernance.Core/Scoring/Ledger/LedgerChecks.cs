namespace GridGovernance.Scoring.Ledger;

/// <summary>The checks and readings the ledger's services share: the entry workflow, the publication workflow and the export.</summary>
internal static class LedgerChecks
{
    /// <summary>The position of <paramref name="tier"/> among the version's tiers, or -1.</summary>
    internal static int IndexOfTier(RuleItemVersion? version, string tier)
    {
        var tiers = version?.Tiers ?? [];
        for (int t = 0; t < tiers.Count; t++)
        {
            if (string.Equals(tiers[t].Code, tier, StringComparison.Ordinal))
            {
                return t;
            }
        }
        return -1;
    }
}
