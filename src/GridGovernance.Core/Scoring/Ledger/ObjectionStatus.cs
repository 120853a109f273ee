namespace GridGovernance.Scoring.Ledger;

/// <summary>The state of an objection (异议) to a publication.</summary>
public enum ObjectionStatus
{
    /// <summary>Raised and not yet resolved; blocks freezing.</summary>
    Open,

    /// <summary>Found justified (异议成立): the ledger is corrected and the snapshot revised before freezing.</summary>
    Upheld,

    /// <summary>Found unjustified (异议不成立).</summary>
    Dismissed,
}
