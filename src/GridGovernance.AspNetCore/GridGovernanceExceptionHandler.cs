using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GridGovernance.AspNetCore;

/// <summary>
/// An <see cref="IExceptionHandler"/> that answers every <see cref="GridGovernanceException"/> with the RFC 9457 problem of
/// <see cref="GridGovernanceProblemDetails.Create"/>, written through <see cref="IProblemDetailsService"/> (so an app's
/// <c>AddProblemDetails</c> customisation applies). A <see cref="BadHttpRequestException"/> (a route or query value that
/// does not bind) keeps its status, 400. Other exceptions are left to the next handler.
/// </summary>
/// <param name="problems">The app's problem-details writer.</param>
/// <param name="options">The status choices.</param>
public sealed class GridGovernanceExceptionHandler(IProblemDetailsService problems, IOptions<GridGovernanceHttpOptions> options) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ProblemDetails problem;
        if (exception is GridGovernanceException error)
        {
            problem = GridGovernanceProblemDetails.Create(error, options.Value);
        }
        else if (exception is BadHttpRequestException badRequest)
        {
            // A route or query value that does not parse (an id 0, member:17 where a work order is named) throws this
            // where ThrowOnBadRequest is on (Development): it keeps its 400 instead of becoming a 500.
            problem = new ProblemDetails { Status = badRequest.StatusCode, Title = "The request is not valid.", Detail = badRequest.Message };
        }
        else
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
