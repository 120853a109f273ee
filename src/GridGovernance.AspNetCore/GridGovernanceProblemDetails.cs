using System.Collections.Immutable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace GridGovernance.AspNetCore;

/// <summary>
/// Turns a <see cref="GridGovernanceException"/> into an RFC 9457 problem: the status from the code's
/// <see cref="ErrorKind"/>, the code and kind as members <c>code</c> and <c>kind</c>, the exception's message as
/// <c>detail</c> (the library's messages name ids, never personal data), and for a
/// <see cref="GridGovernanceValidationException"/> a <see cref="ValidationProblemDetails"/> whose <c>errors</c> are keyed
/// by each problem's camelCase <see cref="ValidationProblem.JsonPath"/>, with the rule of each problem in <c>problems</c>.
/// </summary>
public static class GridGovernanceProblemDetails
{
    /// <summary>
    /// The HTTP status of an error kind: invalid 400 (or 422), not found 404, conflict 409, forbidden 403, precondition
    /// 409 (or 412), unknown 500.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <param name="options">The two open choices; <see langword="null"/> for the defaults.</param>
    /// <returns>The status code.</returns>
    public static int StatusCodeOf(ErrorKind kind, GridGovernanceHttpOptions? options = null) => kind switch
    {
        ErrorKind.Invalid => options?.InvalidStatusCode ?? StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Precondition => options?.PreconditionStatusCode ?? StatusCodes.Status409Conflict,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The kind as it is written in a problem's <c>kind</c> member: <c>invalid</c>, <c>not-found</c>, <c>conflict</c>, <c>forbidden</c>, <c>precondition</c> or <c>unknown</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its wire text.</returns>
    public static string KindText(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "invalid",
        ErrorKind.NotFound => "not-found",
        ErrorKind.Conflict => "conflict",
        ErrorKind.Forbidden => "forbidden",
        ErrorKind.Precondition => "precondition",
        _ => "unknown",
    };

    /// <summary>The problem for an exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="options">The status choices and the type prefix; <see langword="null"/> for the defaults.</param>
    /// <returns>A <see cref="ValidationProblemDetails"/> for a validation exception, a <see cref="ProblemDetails"/> otherwise.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static ProblemDetails Create(GridGovernanceException exception, GridGovernanceHttpOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        options ??= new GridGovernanceHttpOptions();
        var kind = exception.Kind;
        ProblemDetails problem;
        if (exception is GridGovernanceValidationException validation)
        {
            var errors = validation.Problems
                .GroupBy(p => p.JsonPath, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
            problem = new ValidationProblemDetails(errors);
            problem.Extensions["problems"] = validation.Problems
                .Select(p => new WireProblem(p.JsonPath, p.Key, p.Rule, p.Message))
                .ToImmutableArray();
        }
        else
        {
            problem = new ProblemDetails();
        }
        problem.Status = StatusCodeOf(kind, options);
        problem.Type = options.ProblemTypePrefix + exception.Code;
        problem.Title = TitleOf(kind);
        problem.Detail = exception.Message;
        problem.Extensions["code"] = exception.Code;
        problem.Extensions["kind"] = KindText(kind);
        return problem;
    }

    private static string TitleOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => "The request is not valid.",
        ErrorKind.NotFound => "What the request names does not exist.",
        ErrorKind.Conflict => "The request conflicts with what exists.",
        ErrorKind.Forbidden => "The caller may not do this.",
        ErrorKind.Precondition => "The current state does not allow this now.",
        _ => "The request failed.",
    };

    /// <summary>One validation problem on the wire.</summary>
    /// <param name="Path">The camelCase JSON path of the field.</param>
    /// <param name="Key">The key of the item in a batch, or null.</param>
    /// <param name="Rule">The error code of the rule broken.</param>
    /// <param name="Message">The message.</param>
    private sealed record WireProblem(string Path, string? Key, string Rule, string Message);
}
