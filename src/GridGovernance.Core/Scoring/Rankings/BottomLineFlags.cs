namespace GridGovernance.Scoring.Rankings;

/// <summary>Why a member is flagged for bottom-line management (底线管理). Flagged members stay in the ranking.</summary>
[Flags]
public enum BottomLineFlags
{
    /// <summary>Not flagged.</summary>
    None = 0,

    /// <summary>The score is strictly below the floor of <see cref="BottomLineRules.Floor"/>.</summary>
    BelowFloor = 1,

    /// <summary>A veto item (否决) occurred.</summary>
    Vetoed = 2,

    /// <summary>At least one occurrence of an item on the negative list (负面清单) was counted.</summary>
    NegativeList = 4,
}
