using System.Collections.Immutable;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Specifications;
using GridGovernance.WorkOrders;
using NodaTime;
using NodaTime.Text;

namespace GridGovernance.AspNetCore;

/// <summary>
/// The resident-facing views as plain calls (the endpoints of <c>MapGridGovernancePublicBoard</c> and
/// <c>MapGridGovernanceRankings</c> use them; an app rendering its own HTML page calls them too): only the library's
/// masked outputs come out.
/// </summary>
public static class PublicViews
{
    /// <summary>The public board (公开晒单) of a range of days given as ISO text; see <c>MapGridGovernancePublicBoard</c>.</summary>
    /// <param name="orders">The work-order service.</param>
    /// <param name="from">The first day, ISO (<c>2024-06-01</c>), or null for 30 days before <paramref name="to"/>.</param>
    /// <param name="to">The last day, ISO, or null for today.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The masked entries.</returns>
    /// <exception cref="GridGovernanceValidationException">A date is not ISO, the range is reversed or longer than a year.</exception>
    public static Task<ImmutableArray<PublicBoardEntry>> BoardAsync(WorkOrderService orders, string? from, string? to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var problems = new List<ValidationProblem>();
        var last = ReadDate(to, nameof(to), problems) ?? orders.Today;
        var first = ReadDate(from, nameof(from), problems) ?? last.PlusDays(-30);
        if (problems.Count == 0 && first > last)
        {
            problems.Add(new ValidationProblem(nameof(from), null, ErrorCodes.ReversedRange, $"from ({first:yyyy-MM-dd}) must not be after to ({last:yyyy-MM-dd})."));
        }
        else if (problems.Count == 0 && Period.DaysBetween(first, last) >= Microsoft.AspNetCore.Builder.GridGovernanceEndpointRouteBuilderExtensions.MaxBoardDays)
        {
            problems.Add(new ValidationProblem(nameof(to), null, ErrorCodes.OutOfRange,
                $"A board spans at most {Microsoft.AspNetCore.Builder.GridGovernanceEndpointRouteBuilderExtensions.MaxBoardDays} days; {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is longer."));
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The board's days", problems);
        }
        return orders.BoardAsync(first, last, cancellationToken);
    }

    /// <summary>The published ranking (排名晾晒) of a period, masked; see <c>MapGridGovernanceRankings</c>.</summary>
    /// <param name="publications">The publication service.</param>
    /// <param name="members">Where the names come from (each is masked before it leaves).</param>
    /// <param name="ruleBook">The rule book's id.</param>
    /// <param name="period">The period's label, e.g. <c>2024-Q1</c>.</param>
    /// <param name="top">How many rows, 1 to the maximum; null for 50.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, highest first.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="top"/> is out of range, or an id is blank.</exception>
    /// <exception cref="EntityNotFoundException">The period was not published.</exception>
    public static async Task<ImmutableArray<PublicRankingRow>> RankingAsync(PeriodPublicationService publications, IReadRepository<Member> members,
        string ruleBook, string period, int? top, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publications);
        ArgumentNullException.ThrowIfNull(members);
        int count = top ?? 50;
        var problems = new List<ValidationProblem>();
        if (count is < 1 or > Microsoft.AspNetCore.Builder.GridGovernanceEndpointRouteBuilderExtensions.MaxRankingRows)
        {
            problems.Add(new ValidationProblem(nameof(top), null, ErrorCodes.OutOfRange,
                $"top must be between 1 and {Microsoft.AspNetCore.Builder.GridGovernanceEndpointRouteBuilderExtensions.MaxRankingRows}; it was {count}."));
        }
        if (string.IsNullOrWhiteSpace(ruleBook) || string.IsNullOrWhiteSpace(period))
        {
            problems.Add(new ValidationProblem(string.IsNullOrWhiteSpace(ruleBook) ? nameof(ruleBook) : nameof(period), null, ErrorCodes.InvalidValue,
                "A ranking is named by its rule book and its period label, neither blank."));
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The ranking request", problems);
        }
        var results = await publications.GetResultsAsync(new PeriodPublicationId(ruleBook, period), cancellationToken).ConfigureAwait(false);
        var shown = results.Results.OrderByDescending(r => r.Score).ThenBy(r => r.Member).Take(count).Select(r => r.Member).ToHashSet();
        // One query for the names shown (a column read on a database store), not one look-up per row.
        MemberId[] ids = [.. shown.Order()];
        var named = Specification.Create<Member, MemberName>(s =>
        {
            s.Where(m => ids.Contains(m.Id));
            s.Select(m => new MemberName(m.Id, m.Name));
        });
        var rows = await members.ListAsync(named, cancellationToken).ConfigureAwait(false);
        var names = rows.ToDictionary(r => r.Id, r => r.Name);
        // Ranks over every published member; only the rows shown need a name.
        return [.. results.ToPublic(id => names.TryGetValue(id, out var name) ? name : "").Take(count)];
    }

    private static LocalDate? ReadDate(string? text, string field, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }
        problems.Add(new ValidationProblem(field, null, ErrorCodes.InvalidValue, $"{field} must be an ISO date such as 2024-06-01."));
        return null;
    }
}

/// <summary>A member's id and name, all the ranking reads of a member.</summary>
internal sealed record MemberName(MemberId Id, string Name);
