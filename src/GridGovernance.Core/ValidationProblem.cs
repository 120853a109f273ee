namespace GridGovernance;

/// <summary>
/// One problem found while validating a batch or a set of options: which field, which row or key,
/// which rule, and a sentence for people.
/// </summary>
/// <param name="Field">The field (property path) that was wrong, e.g. <c>Units[3].ParentId</c> or <c>TimeZone</c>.</param>
/// <param name="Key">The row or key the problem belongs to (an id, a row number), or <c>null</c> when it concerns the whole input.</param>
/// <param name="Rule">The stable code of the rule broken (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">One sentence saying what was wrong.</param>
[Immutable]
public sealed record ValidationProblem(string Field, string? Key, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Key is null ? $"{Field}: {Message} ({Rule})" : $"{Field} [{Key}]: {Message} ({Rule})";
}
