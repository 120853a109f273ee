namespace GridGovernance.Scoring.Signals;

/// <summary>What a reviewer (审核人) did with a ledger entry, as the gaming signals read it.</summary>
public enum SignalReview
{
    /// <summary>Nobody reviewed it (still declared, or recorded straight to approved by the system).</summary>
    NotReviewed = 0,

    /// <summary>A reviewer approved it.</summary>
    Approved = 1,

    /// <summary>A reviewer rejected it.</summary>
    Rejected = 2,
}
