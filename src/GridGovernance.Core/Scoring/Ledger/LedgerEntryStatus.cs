namespace GridGovernance.Scoring.Ledger;

/// <summary>The review state of a ledger entry (申报 → 审核).</summary>
public enum LedgerEntryStatus
{
    /// <summary>Declared by the member, waiting for review (待审核).</summary>
    Declared,

    /// <summary>Approved by a reviewer, or recorded directly by an automatic source (已通过). Counts in assessments.</summary>
    Approved,

    /// <summary>Rejected by a reviewer, with a reason (未通过). Never counts.</summary>
    Rejected,

    /// <summary>Approved once, then cancelled by a reversal entry that references it (已冲销). Never counts.</summary>
    Reversed,
}
