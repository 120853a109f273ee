namespace GridGovernance.Scoring.Ledger;

/// <summary>The state of a period's publication (公示).</summary>
public enum PublicationStatus
{
    /// <summary>Published: objections may be raised inside the window (公示中).</summary>
    Published,

    /// <summary>Frozen: the results are final and the period's ledger is closed (已定档).</summary>
    Frozen,
}
