namespace GridGovernance.Scoring;

/// <summary>An item of a category (细则条目), with its versions over time.</summary>
/// <param name="Code">A stable code, e.g. <c>themed-party-day</c>.</param>
/// <param name="Category">The code of its category.</param>
/// <param name="Name">A name for people, e.g. 主题党日.</param>
/// <param name="Versions">Its versions; the one in force on an occurrence date applies.</param>
[Immutable]
public sealed record RuleItem(string Code, string Category, string Name, IReadOnlyList<RuleItemVersion> Versions);
