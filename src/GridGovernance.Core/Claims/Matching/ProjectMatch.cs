using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>The matcher's answer for one project: who claims it, at what cost, and why places are left if any.</summary>
/// <param name="Project">The project.</param>
/// <param name="Category">Its category.</param>
/// <param name="ClaimantsRequired">How many places it has.</param>
/// <param name="Assignments">The units matched, in unit id order.</param>
/// <param name="EligibleUnits">How many units qualify (category, area, availability) and are in range.</param>
/// <param name="EligibleIgnoringRange">How many units qualify by category, area and availability, near or far.</param>
/// <param name="Reason">Why places are left, or <see cref="UnmatchedReason.None"/> when all are filled.</param>
[Immutable]
public sealed record ProjectMatch(
    ProjectId Project,
    string Category,
    int ClaimantsRequired,
    ImmutableArray<ClaimAssignment> Assignments,
    int EligibleUnits,
    int EligibleIgnoringRange,
    UnmatchedReason Reason)
{
    /// <summary>How many places are still open.</summary>
    public int Unfilled => ClaimantsRequired - Assignments.Length;

    /// <summary>The sum of the assignments' costs.</summary>
    public long Cost
    {
        get
        {
            long cost = 0;
            foreach (var assignment in Assignments)
            {
                cost += assignment.Cost;
            }
            return cost;
        }
    }
}
