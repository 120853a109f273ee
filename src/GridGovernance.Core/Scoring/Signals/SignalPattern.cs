namespace GridGovernance.Scoring.Signals;

/// <summary>The gaming patterns (防刷分) that <see cref="PointsSignals"/> looks for. A signal is a reason to look, never a verdict.</summary>
public enum SignalPattern
{
    /// <summary>临界封顶: a member's totals stop just under the caps of several items.</summary>
    JustUnderCap = 0,

    /// <summary>期末突击: a large share of a member's (or a branch's) entries fall in the last days of the period.</summary>
    EndOfPeriodBurst = 1,

    /// <summary>本支部放水: a reviewer approves (almost) every declaration of their own branch while reviewers at large reject some.</summary>
    OwnBranchApprovals = 2,

    /// <summary>互批互审: two reviewers approve each other's declarations.</summary>
    ReciprocalApprovals = 3,

    /// <summary>重复举证: the same evidence is declared more than once.</summary>
    DuplicateEvidence = 4,
}
