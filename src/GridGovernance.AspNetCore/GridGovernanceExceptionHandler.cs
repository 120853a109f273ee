using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GridGovernance.AspNetCore;

/// <summary>
/// An <see cref="IExceptionHandler"/> that answers every <see cref="GridGovernanceException"/> with the RFC 9457 problem of
/// <see cref="GridGovernanceProblemDetails.Create"/>, written through <see cref="IProblemDetailsService"/> (so an app's
/// <c>AddProblemDetails</c> customisation applies). Other exceptions are left to the next handler.
/// </summary>
/// <param name="problems">The app's problem-details writer.</param>
/// <param name="options">The status choices.</param>
public sealed class GridGovernanceExceptionHandler(IProblemDetailsService problems, IOptions<GridGovernanceHttpOptions> options) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not GridGovernanceException error)
        {
            return false;
        }
        var problem = GridGovernanceProblemDetails.Create(error, options.Value);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        }).ConfigureAwait(false);
    }
}
