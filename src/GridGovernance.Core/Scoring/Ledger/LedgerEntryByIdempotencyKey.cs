using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Ledger;

/// <summary>The ledger entry recorded with an idempotency key (at most one).</summary>
[Immutable]
public sealed class LedgerEntryByIdempotencyKey : SingleResultSpecification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="idempotencyKey">The key.</param>
    public LedgerEntryByIdempotencyKey(string idempotencyKey)
    {
        Preconditions.CheckNotNull(idempotencyKey);
        Query.Where(e => e.IdempotencyKey == idempotencyKey);
    }
}
