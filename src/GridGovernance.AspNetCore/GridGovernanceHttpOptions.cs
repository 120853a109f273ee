namespace GridGovernance.AspNetCore;

/// <summary>
/// How errors become HTTP responses (section <c>GridGovernanceWeb:Http</c> of the configuration). The two choices the
/// mapping leaves open are here; every other kind has one status (see <see cref="GridGovernanceProblemDetails.StatusCodeOf"/>).
/// </summary>
public sealed class GridGovernanceHttpOptions
{
    /// <summary>The status of an <see cref="ErrorKind.Invalid"/> error: 400 (the default, as ASP.NET Core's own validation) or 422.</summary>
    public int InvalidStatusCode { get; set; } = 400;

    /// <summary>
    /// The status of an <see cref="ErrorKind.Precondition"/> error: 409 (the default: the state of the subject does not
    /// allow the step now) or 412, for an API whose clients send conditional requests.
    /// </summary>
    public int PreconditionStatusCode { get; set; } = 409;

    /// <summary>The start of a problem's <c>type</c> URI; the error code follows it. Default <c>urn:gridgovernance:error:</c>.</summary>
    public string ProblemTypePrefix { get; set; } = "urn:gridgovernance:error:";
}
