using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>
/// How households are linked to members (党员联系户 "就近就便"): capacity per member kind, whether links may cross
/// grids inside a community and at what penalty, how many nearest members each household considers, and how
/// strongly a rebalancing keeps existing links.
/// </summary>
[Immutable]
public sealed record ContactPlanOptions
{
    /// <summary>The defaults: 15 households per long-resident member, 5 per in-service member, 3 per mobile member; cross-grid links allowed at 300 m; 12 candidates; keep bonus 200 m.</summary>
    public static ContactPlanOptions Default { get; } = new();

    /// <summary>Households a member of each kind may look after (Laiwu: 10–15 for a 党员中心户). A kind not listed gets 0.</summary>
    public ImmutableDictionary<MemberKind, int> Capacities { get; init; } = ImmutableDictionary.CreateRange(
    [
        KeyValuePair.Create(MemberKind.LongResident, 15),
        KeyValuePair.Create(MemberKind.InService, 5),
        KeyValuePair.Create(MemberKind.Mobile, 3),
    ]);

    /// <summary>Whether a household may be linked to a member of another grid of its community (<c>false</c>: same grid only).</summary>
    public bool AllowCrossGrid { get; init; } = true;

    /// <summary>Metres added to the cost of a cross-grid link, so a same-grid member is preferred unless the other is this much nearer; 0 to 100,000.</summary>
    public int CrossGridPenaltyMetres { get; init; } = 300;

    /// <summary>How many nearest members each household considers (the candidate graph); 1 to 64. Households the candidates cannot cover are repaired against every member of their pool, so this affects cost, never coverage.</summary>
    public int CandidatesPerHousehold { get; init; } = 12;

    /// <summary>
    /// Rebalancing: metres an existing link is credited with, so a household moves to another member only when the
    /// plan as a whole gains more than this per moved link (联系关系保持稳定); 1 to 100,000.
    /// </summary>
    public int KeepBonusMetres { get; init; } = 200;

    /// <summary>The capacity of a member of <paramref name="kind"/>.</summary>
    /// <param name="kind">The member's kind.</param>
    public int CapacityOf(MemberKind kind) => Capacities.TryGetValue(kind, out var capacity) ? capacity : 0;

    internal void Validate()
    {
        var problems = new List<ValidationProblem>();
        foreach (var (kind, capacity) in Capacities.OrderBy(c => c.Key))
        {
            if (capacity is < 0 or > 1000)
            {
                problems.Add(new(nameof(Capacities), kind.ToString(), ErrorCodes.ContactsInvalidOptions, $"The capacity of a {kind} member must be between 0 and 1000; it was {capacity}."));
            }
        }
        Check(problems, nameof(CrossGridPenaltyMetres), CrossGridPenaltyMetres, 0, 100_000);
        Check(problems, nameof(CandidatesPerHousehold), CandidatesPerHousehold, 1, 64);
        Check(problems, nameof(KeepBonusMetres), KeepBonusMetres, 1, 100_000);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The contact plan options", problems);
        }
    }

    private static void Check(List<ValidationProblem> problems, string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add(new(field, null, ErrorCodes.ContactsInvalidOptions, $"{field} must be between {min} and {max}; it was {value}."));
        }
    }
}
