using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Units;

/// <summary>The unit ledger entry recorded with an idempotency key (at most one).</summary>
[Immutable]
public sealed class UnitLedgerEntryByIdempotencyKey : SingleResultSpecification<UnitLedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="idempotencyKey">The key.</param>
    public UnitLedgerEntryByIdempotencyKey(string idempotencyKey)
    {
        Preconditions.CheckNotNull(idempotencyKey);
        Query.Where(e => e.IdempotencyKey == idempotencyKey);
    }
}
