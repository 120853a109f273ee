namespace GridGovernance.Scoring.Statements;

/// <summary>A named star (十二星级) on a statement: earned or not, and what is missing.</summary>
/// <param name="Code">The star's code.</param>
/// <param name="Name">Its name (e.g. 联户星).</param>
/// <param name="Criterion">What earns it.</param>
/// <param name="Earned">Whether the member earned it.</param>
/// <param name="Have">What the member has: the category total, or the item's counted occurrences (as points, a whole number).</param>
/// <param name="Shortfall">What is missing to earn it (zero when earned): points of the category, or occurrences of the item.</param>
[Immutable]
public sealed record NamedStarProgress(string Code, string Name, StarCriterion Criterion, bool Earned, Points Have, Points Shortfall);
