namespace GridGovernance.Scoring;

/// <summary>What a named star asks for.</summary>
public enum StarCriterionKind
{
    /// <summary>A category total of at least <see cref="StarCriterion.MinimumTotal"/>.</summary>
    CategoryTotal,

    /// <summary>At least <see cref="StarCriterion.MinimumCount"/> counted occurrences of an item.</summary>
    ItemCount,
}
