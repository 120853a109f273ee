using System.Collections.Immutable;

namespace GridGovernance.Scoring.Stars;

/// <summary>
/// Year-end 优秀党员 candidates: in each branch, the best members by stars, a quota per branch, vetoed members
/// never included.
/// </summary>
/// <remarks>
/// <para>
/// Within a branch, members are ordered by <see cref="MemberStars.Total"/> descending, then score descending, then
/// member id ascending; the first members up to the branch's quota are selected. The member id makes the order
/// total, so the selection is deterministic: when members tie on stars and score at the quota's edge, the lower id
/// is taken (the committee reviews the candidates; it should know about such a tie).
/// </para>
/// <para>
/// A member with a veto (否决) is never selected but still counts towards the branch's size for a share quota.
/// Members below <c>minimumStars</c> are not selected either.
/// </para>
/// </remarks>
[Immutable]
public static class ExcellentMemberSelection
{
    /// <summary>Selects the candidates from members' stars.</summary>
    /// <param name="members">Each member's stars; each member once.</param>
    /// <param name="quota">The quota per branch.</param>
    /// <param name="minimumStars">The fewest total stars a candidate needs; zero or more.</param>
    /// <returns>The candidates, by branch id, then best first.</returns>
    /// <exception cref="GridGovernanceValidationException">A member appears twice.</exception>
    public static ImmutableArray<MemberStars> Select(IEnumerable<MemberStars> members, ExcellentQuota quota, int minimumStars = 0)
    {
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(quota);
        Preconditions.CheckArgumentRange(nameof(minimumStars), minimumStars, 0, int.MaxValue);
        var seen = new HashSet<MemberId>();
        var branches = new Dictionary<OrgUnitId, List<MemberStars>>();
        foreach (var member in members)
        {
            Preconditions.CheckArgument(member is not null, nameof(members), "members must not contain null.");
            if (!seen.Add(member.Member))
            {
                throw Preconditions.InvalidInput(nameof(members), ErrorCodes.DuplicateInput, $"{member.Member} appears twice.");
            }
            if (!branches.TryGetValue(member.Branch, out var list))
            {
                branches.Add(member.Branch, list = []);
            }
            list.Add(member);
        }
        var branchIds = branches.Keys.ToArray();
        Array.Sort(branchIds);
        var selected = ImmutableArray.CreateBuilder<MemberStars>();
        var eligible = new List<MemberStars>();
        foreach (var branch in branchIds)
        {
            var list = branches[branch];
            int quotaOfBranch = quota.For(list.Count);
            if (quotaOfBranch == 0)
            {
                continue;
            }
            eligible.Clear();
            foreach (var member in list)
            {
                if (!member.Vetoed && member.Total >= minimumStars)
                {
                    eligible.Add(member);
                }
            }
            eligible.Sort(BestFirst);
            for (int i = 0; i < eligible.Count && i < quotaOfBranch; i++)
            {
                selected.Add(eligible[i]);
            }
        }
        return selected.ToImmutable();
    }

    /// <summary>Selects the candidates from an assessment result (stars by <see cref="StarCalculator.For(AssessmentResult)"/>).</summary>
    /// <param name="result">The year's assessment.</param>
    /// <param name="quota">The quota per branch.</param>
    /// <param name="minimumStars">The fewest total stars a candidate needs; zero or more.</param>
    /// <returns>The candidates, by branch id, then best first.</returns>
    public static ImmutableArray<MemberStars> Select(AssessmentResult result, ExcellentQuota quota, int minimumStars = 0) =>
        Select(StarCalculator.For(Preconditions.CheckNotNull(result)), quota, minimumStars);

    /// <summary>Best first: more stars, then a higher score, then the lower member id.</summary>
    /// <param name="x">One member.</param>
    /// <param name="y">The other.</param>
    /// <returns>Negative when <paramref name="x"/> comes first.</returns>
    public static int Compare(MemberStars x, MemberStars y)
    {
        Preconditions.CheckNotNull(x);
        Preconditions.CheckNotNull(y);
        return BestFirst(x, y);
    }

    private static int BestFirst(MemberStars x, MemberStars y)
    {
        int c = y.Total.CompareTo(x.Total);
        if (c == 0)
        {
            c = y.Score.CompareTo(x.Score);
        }
        return c != 0 ? c : x.Member.CompareTo(y.Member);
    }
}
