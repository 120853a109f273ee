using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Ledger;

/// <summary>A member's ledger entries of every state (their 明细账), in recorded order.</summary>
[Immutable]
public sealed class LedgerEntriesOfMember : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="member">The member.</param>
    public LedgerEntriesOfMember(MemberId member) => Query.Where(e => e.Member == member).OrderBy(e => e.Id.Value);
}
