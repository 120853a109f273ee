namespace GridGovernance.Scoring.WhatIf;

/// <summary>How a member moves across the bottom line (底线管理) when a proposed rule book replaces the current one.</summary>
public enum BottomLineCrossing
{
    /// <summary>Flagged under both books or under neither (the reasons may still differ).</summary>
    None = 0,

    /// <summary>Not flagged under the current book, flagged under the proposed one (falls below the bottom line).</summary>
    Into = 1,

    /// <summary>Flagged under the current book, not under the proposed one (rises above the bottom line).</summary>
    OutOf = 2,
}
