namespace GridGovernance.Scoring;

/// <summary>The plain data of a rule book: what JSON holds and what <see cref="RuleBook.Create"/> checks.</summary>
[Immutable]
public sealed record RuleBookDefinition
{
    /// <summary>A stable id, e.g. <c>laiwu-2024</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version of this rule book; 1 or more.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A name for people.</summary>
    public required string Name { get; init; }

    /// <summary>The categories.</summary>
    public IReadOnlyList<ScoreCategory> Categories { get; init; } = [];

    /// <summary>The items.</summary>
    public IReadOnlyList<RuleItem> Items { get; init; } = [];

    /// <summary>Score multipliers by member kind (e.g. in-service 1.2); a kind not listed has 1.</summary>
    public IReadOnlyDictionary<GridGovernance.Organisation.MemberKind, decimal> KindMultipliers { get; init; } = new Dictionary<GridGovernance.Organisation.MemberKind, decimal>();

    /// <summary>How stars are given.</summary>
    public StarRules Stars { get; init; } = new();
}
