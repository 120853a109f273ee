namespace GridGovernance.Tests;

/// <summary>
/// Asserts a call is refused the library's way (issue 14): a <see cref="GridGovernanceValidationException"/> with one
/// problem naming the field and carrying the code, never a raw .NET exception.
/// </summary>
internal static class Refused
{
    /// <summary>The one problem of the refusal, after checking its field and code.</summary>
    public static ValidationProblem With(string field, string code, Action call)
    {
        var e = Assert.Throws<GridGovernanceValidationException>(call);
        var problem = Assert.Single(e.Problems);
        Assert.Equal((field, code, code), (problem.Field, problem.Rule, e.Code));
        return problem;
    }

    /// <summary>As <see cref="With(string, string, Action)"/> for a call that returns a value.</summary>
    public static ValidationProblem With(string field, string code, Func<object?> call) => With(field, code, () => { call(); });
}

/// <summary>What tests read off a refusal that used to be an <see cref="ArgumentException"/>.</summary>
internal static class ValidationExceptionTestExtensions
{
    extension(GridGovernanceValidationException e)
    {
        /// <summary>The field of the one problem: the parameter the refusal names (what <c>ArgumentException.ParamName</c> was before issue 14).</summary>
        public string ParamName => Assert.Single(e.Problems).Field;
    }
}
