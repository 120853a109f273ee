using GridGovernance.Specifications;

namespace GridGovernance.Scoring.Ledger;

/// <summary>Declarations waiting for review (待审核), oldest first.</summary>
[Immutable]
public sealed class DeclaredLedgerEntries : Specification<LedgerEntry>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="ruleBookId">The rule book's id.</param>
    public DeclaredLedgerEntries(string ruleBookId)
    {
        Preconditions.CheckNotNull(ruleBookId);
        Query.Where(e => e.RuleBookId == ruleBookId && e.Status == LedgerEntryStatus.Declared).OrderBy(e => e.Id.Value);
    }
}
