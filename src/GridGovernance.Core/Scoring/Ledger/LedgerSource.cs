namespace GridGovernance.Scoring.Ledger;

/// <summary>Where a ledger entry came from.</summary>
public enum LedgerSource
{
    /// <summary>党员申报: the member declared it; it waits for review.</summary>
    Declaration,

    /// <summary>A resolved work order (四单, 吹哨报到), recorded automatically.</summary>
    WorkOrder,

    /// <summary>A claimed co-building project or small wish (项目认领, 认领微心愿), recorded automatically.</summary>
    Claim,

    /// <summary>A logged visit to a contact household (联系户), recorded automatically.</summary>
    ContactVisit,

    /// <summary>Any other automatic award or deduction (e.g. party dues paid).</summary>
    Automatic,

    /// <summary>A correction by an administrator: reversals, and manual adjustments.</summary>
    Adjustment,
}
