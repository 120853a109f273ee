using GridGovernance.AspNetCore;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.WorkOrders;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Opt-in, read-only endpoint groups for the resident-facing views: the public board (公开晒单) and the published
/// rankings (排名晾晒). They return only the library's masked outputs (<see cref="PublicBoardEntry"/>,
/// <see cref="PublicRankingRow"/>): masked names, phones and house numbers, no member ids. No command is run, so no
/// authority check is made; an app that shows them to signed-in residents only adds its own policy to the returned
/// group (<c>.RequireAuthorization("residents")</c>).
/// </summary>
public static class GridGovernanceEndpointRouteBuilderExtensions
{
    /// <summary>The most days one board request may span.</summary>
    public const int MaxBoardDays = 366;

    /// <summary>The most rows one ranking request may return.</summary>
    public const int MaxRankingRows = 500;

    /// <summary>
    /// Maps <c>GET {prefix}?from=2024-06-01&amp;to=2024-06-30</c>: the board of the orders filed or closed in those days
    /// (<see cref="WorkOrderService.BoardAsync"/>), as JSON. Without <c>to</c> it ends today (in the options' time zone);
    /// without <c>from</c> it starts 30 days before <c>to</c>. A date that is not ISO, a reversed range or more than
    /// <see cref="MaxBoardDays"/> days is a 400 problem (code <c>value.invalid</c>, <c>input.reversed-range</c>,
    /// <c>input.out-of-range</c>) through the app's exception handler.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The route, default <c>/public/board</c>.</param>
    /// <returns>The group, for conventions (authorization, caching, rate limits).</returns>
    public static RouteGroupBuilder MapGridGovernancePublicBoard(this IEndpointRouteBuilder endpoints, string prefix = "/public/board")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix).WithTags("GridGovernance public board");
        group.MapGet("/", (WorkOrderService orders, string? from, string? to, CancellationToken cancellationToken) =>
                PublicViews.BoardAsync(orders, from, to, cancellationToken))
            .WithName("GridGovernancePublicBoard");
        return group;
    }

    /// <summary>
    /// Maps <c>GET {prefix}/{ruleBook}/{period}?top=50</c>: the published ranking of a period
    /// (<see cref="PublishedResults.ToPublic"/>: rank, masked name, score), highest first, as JSON. A period that was not
    /// published is a 404 problem (code <c>storage.not-found</c>); <c>top</c> is 1 to <see cref="MaxRankingRows"/> (default 50).
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="prefix">The route, default <c>/public/rankings</c>.</param>
    /// <returns>The group, for conventions.</returns>
    public static RouteGroupBuilder MapGridGovernanceRankings(this IEndpointRouteBuilder endpoints, string prefix = "/public/rankings")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix).WithTags("GridGovernance rankings");
        group.MapGet("/{ruleBook}/{period}", (PeriodPublicationService publications, IReadRepository<Member> members, string ruleBook, string period, int? top,
                CancellationToken cancellationToken) => PublicViews.RankingAsync(publications, members, ruleBook, period, top, cancellationToken))
            .WithName("GridGovernanceRankings");
        return group;
    }
}
