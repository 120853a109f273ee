using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Ledger;

/// <summary>The most recently recorded ledger entry (the highest id).</summary>
[Immutable]
public sealed class LatestLedgerEntry : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    public LatestLedgerEntry() => Query.OrderByDescending(e => e.Id.Value).Take(1);
}
