namespace GridGovernance.Scoring;

/// <summary>A category of points (分类), e.g. study, volunteer service, contacts.</summary>
/// <param name="Code">A stable code.</param>
/// <param name="Name">A name for people, e.g. 学习教育.</param>
/// <param name="Cap">A cap on the category's awards per period, or <c>null</c>.</param>
[Immutable]
public sealed record ScoreCategory(string Code, string Name, PointsCap? Cap = null)
{
    /// <summary>
    /// The calendar period the cap is stated for (Year, Quarter or Month), or <c>null</c> for "whatever period is
    /// assessed". A yearly cap of 10 is 2.5 a quarter; see <see cref="RuleItemVersion.Period"/> for the rule.
    /// </summary>
    public PeriodKind? Period { get; init; }
}
