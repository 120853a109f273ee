namespace GridGovernance.Scoring;

/// <summary>One of the twelve named stars (十二星级管理), e.g. 学习星, 服务星.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Criterion">What earns it over the period.</param>
[Immutable]
public sealed record NamedStar(string Code, string Name, StarCriterion Criterion);
