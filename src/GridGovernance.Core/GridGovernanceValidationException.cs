namespace GridGovernance;

/// <summary>
/// Thrown when a batch, an import or a set of options breaks one or more rules. It carries
/// <em>every</em> problem found, not just the first, and the operation that threw changed nothing.
/// </summary>
[Immutable]
public sealed class GridGovernanceValidationException : GridGovernanceException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="what">What was being validated, e.g. "The roster batch".</param>
    /// <param name="problems">The problems; at least one.</param>
    public GridGovernanceValidationException(string what, IEnumerable<ValidationProblem> problems)
        : this(what, Preconditions.CheckNotNull(problems).ToArray())
    {
    }

    /// <summary>Creates the exception from the problems found and the exception that revealed them (an overflow, a parse error).</summary>
    internal GridGovernanceValidationException(string what, IEnumerable<ValidationProblem> problems, Exception? innerException)
        : this(what, Preconditions.CheckNotNull(problems).ToArray(), innerException)
    {
    }

    private GridGovernanceValidationException(string what, ValidationProblem[] problems, Exception? innerException = null)
        : base(problems.Length == 1 ? problems[0].Rule : ErrorCodes.ValidationFailed, BuildMessage(what, problems), innerException)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in the order they were found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    private static string BuildMessage(string what, ValidationProblem[] problems)
    {
        Preconditions.CheckArgument(problems.Length > 0, nameof(problems), "A validation exception needs at least one problem.");
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => "  - " + p);
        var more = problems.Length > shown ? $"{Environment.NewLine}  ... and {problems.Length - shown} more." : "";
        return $"{what} is invalid: {problems.Length} problem(s).{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
