using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Units;

/// <summary>The most recently recorded unit ledger entry (the highest id).</summary>
[Immutable]
public sealed class LatestUnitLedgerEntry : Specification<UnitLedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    public LatestUnitLedgerEntry() => Query.OrderByDescending(e => e.Id.Value).Take(1);
}
