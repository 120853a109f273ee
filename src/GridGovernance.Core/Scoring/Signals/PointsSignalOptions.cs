namespace GridGovernance.Scoring.Signals;

/// <summary>
/// The thresholds of the gaming signals (防刷分). The defaults flag under 1 % of the members of clean generated ledgers
/// and find at least 90 % of injected gaming (property-tested); tune them to a city's own ledger.
/// </summary>
[Immutable]
public sealed record PointsSignalOptions
{
    /// <summary>The defaults.</summary>
    public static PointsSignalOptions Default { get; } = new();

    /// <summary>临界封顶: how far under an item's cap counts as "just under", as a share of the cap. Default 0.15 (a cap of 20: 17 up to, not including, 20).</summary>
    public decimal NearCapBand { get; init; } = 0.15m;

    /// <summary>临界封顶: how many capped items must end just under their cap. Default 3.</summary>
    public int MinItemsNearCap { get; init; } = 3;

    /// <summary>临界封顶: the least share of the capped items a member used that end just under their cap. Default 0.3.</summary>
    public decimal MinShareNearCap { get; init; } = 0.3m;

    /// <summary>期末突击: the closing window, in days at the end of the period. Default 14.</summary>
    public int ClosingWindowDays { get; init; } = 14;

    /// <summary>期末突击: the least entries of a member in the period before a burst is looked for. Default 10 (a branch: ten times this).</summary>
    public int MinEntriesForBurst { get; init; } = 10;

    /// <summary>期末突击: the least share of the entries that fall in the closing window. Default 0.4.</summary>
    public decimal MinBurstShare { get; init; } = 0.4m;

    /// <summary>本支部放水: the least reviews of own-branch declarations. Default 20.</summary>
    public int MinOwnBranchReviews { get; init; } = 20;

    /// <summary>本支部放水: the least approval rate of own-branch declarations. Default 0.97.</summary>
    public decimal MinOwnBranchApprovalRate { get; init; } = 0.97m;

    /// <summary>
    /// 本支部放水: how unlikely the own-branch approvals must be at the approval rate of all reviews, as −log10 of the
    /// binomial tail probability. Default 4 (one chance in 10,000).
    /// </summary>
    public double MinOwnBranchSurprise { get; init; } = 4;

    /// <summary>互批互审: the least approvals each way between two reviewers. Default 3.</summary>
    public int MinReciprocalApprovals { get; init; } = 3;

    /// <summary>重复举证: the least entries of a member whose evidence another entry repeats. Default 2 (one piece of evidence declared twice).</summary>
    public int MinDuplicateEntries { get; init; } = 2;

    /// <summary>Checks the options.</summary>
    /// <exception cref="GridGovernanceValidationException">A threshold is out of its range (rule <see cref="ErrorCodes.OutOfRange"/>); every problem is listed.</exception>
    public void Validate()
    {
        var problems = new List<ValidationProblem>();
        void Range(string field, decimal value, decimal min, decimal max)
        {
            if (value < min || value > max)
            {
                problems.Add(new ValidationProblem(field, null, ErrorCodes.OutOfRange, FormattableString.Invariant($"{field} is {value}; it must be between {min} and {max}.")));
            }
        }
        Range(nameof(NearCapBand), NearCapBand, 0.0001m, 1m);
        Range(nameof(MinItemsNearCap), MinItemsNearCap, 1, int.MaxValue);
        Range(nameof(MinShareNearCap), MinShareNearCap, 0m, 1m);
        Range(nameof(ClosingWindowDays), ClosingWindowDays, 1, 366);
        Range(nameof(MinEntriesForBurst), MinEntriesForBurst, 1, int.MaxValue / 10);
        Range(nameof(MinBurstShare), MinBurstShare, 0.0001m, 1m);
        Range(nameof(MinOwnBranchReviews), MinOwnBranchReviews, 1, int.MaxValue);
        Range(nameof(MinOwnBranchApprovalRate), MinOwnBranchApprovalRate, 0m, 1m);
        Range(nameof(MinOwnBranchSurprise), double.IsFinite(MinOwnBranchSurprise) ? (decimal)Math.Clamp(MinOwnBranchSurprise, -1e9, 1e9) : -1m, 0m, 300m);
        Range(nameof(MinReciprocalApprovals), MinReciprocalApprovals, 1, int.MaxValue);
        Range(nameof(MinDuplicateEntries), MinDuplicateEntries, 1, int.MaxValue);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The points signal options", problems);
        }
    }
}
