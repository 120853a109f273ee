using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Contacts;

/// <summary>
/// A contact plan (党员联系户台账): which member looks after each household, and every household that could not be
/// linked with its reason. Lookups by household are O(log n); by member O(log m) plus the member's households.
/// </summary>
[Immutable]
public sealed class ContactPlan
{
    private readonly ContactHousehold[] households; // by id
    private readonly ContactMember[] members;       // by id
    private readonly int[] memberIndex;             // by household: member index or -1
    private readonly int[] distance;                // by household
    private readonly bool[] cross;                  // by household
    private readonly int[] reason;                  // by household: -1 covered, else UncoveredReason
    private MemberHouseholds? byMember;             // built on first use (a rebalanced plan may never need it)

    internal ContactPlan(ContactPlanOptions options, ContactHousehold[] households, ContactMember[] members, int[] memberIndex, int[] distance, bool[] cross, int[] reason, int repaired)
    {
        Options = options;
        this.households = households;
        this.members = members;
        this.memberIndex = memberIndex;
        this.distance = distance;
        this.cross = cross;
        this.reason = reason;
        RepairedCount = repaired;
        var uncovered = ImmutableArray.CreateBuilder<UncoveredHousehold>();
        long total = 0, cost = 0;
        for (int i = 0; i < households.Length; i++)
        {
            if (memberIndex[i] >= 0)
            {
                total += distance[i];
                cost += distance[i] + (cross[i] ? options.CrossGridPenaltyMetres : 0);
            }
            else
            {
                uncovered.Add(new UncoveredHousehold(households[i].Id, households[i].Community, households[i].Grid, (UncoveredReason)reason[i]));
            }
        }
        TotalDistanceMetres = total;
        TotalCostMetres = cost;
        Uncovered = uncovered.ToImmutable();
    }

    /// <summary>A plan whose totals and uncovered households are already known (a rebalanced plan, from its parts).</summary>
    internal ContactPlan(ContactPlanOptions options, ContactHousehold[] households, ContactMember[] members, int[] memberIndex, int[] distance, bool[] cross, int[] reason, int repaired, ImmutableArray<UncoveredHousehold> uncovered, long totalDistance, long totalCost)
    {
        Options = options;
        this.households = households;
        this.members = members;
        this.memberIndex = memberIndex;
        this.distance = distance;
        this.cross = cross;
        this.reason = reason;
        RepairedCount = repaired;
        Uncovered = uncovered;
        TotalDistanceMetres = totalDistance;
        TotalCostMetres = totalCost;
    }

    /// <summary>The options the plan was made with.</summary>
    public ContactPlanOptions Options { get; }

    /// <summary>The households planned, in id order.</summary>
    public ImmutableArray<ContactHousehold> Households => ImmutableCollectionsMarshal.AsImmutableArray(households);

    /// <summary>The members planned with, in id order.</summary>
    public ImmutableArray<ContactMember> Members => ImmutableCollectionsMarshal.AsImmutableArray(members);

    /// <summary>How many households are linked.</summary>
    public int CoveredCount => households.Length - Uncovered.Length;

    /// <summary>The households that could not be linked, in id order, with the reason.</summary>
    public ImmutableArray<UncoveredHousehold> Uncovered { get; }

    /// <summary>The sum of link distances, in metres.</summary>
    public long TotalDistanceMetres { get; }

    /// <summary>What the plan minimised: the sum of link distances plus the cross-grid penalties, in metres.</summary>
    public long TotalCostMetres { get; }

    /// <summary>How many households were linked outside their nearest candidates (the feasibility repair).</summary>
    public int RepairedCount { get; }

    /// <summary>The links, in household id order.</summary>
    public IEnumerable<ContactLink> Links
    {
        get
        {
            for (int i = 0; i < households.Length; i++)
            {
                if (memberIndex[i] >= 0)
                {
                    yield return LinkAt(i);
                }
            }
        }
    }

    internal ContactHousehold[] HouseholdArray => households;

    internal ContactMember[] MemberArray => members;

    /// <summary>The link of a household, or <c>null</c> when it is uncovered or not in the plan.</summary>
    /// <param name="household">The household.</param>
    public ContactLink? LinkOf(HouseholdId household)
    {
        int i = IndexOf(household);
        return i >= 0 && memberIndex[i] >= 0 ? LinkAt(i) : null;
    }

    /// <summary>The member looking after a household, or <c>null</c>.</summary>
    /// <param name="household">The household.</param>
    public MemberId? MemberOf(HouseholdId household)
    {
        int i = IndexOf(household);
        return i >= 0 && memberIndex[i] >= 0 ? members[memberIndex[i]].Id : null;
    }

    /// <summary>
    /// The households without a live contact as <paramref name="roster"/> stands (党员离开、调动): the plan's own
    /// <see cref="Uncovered"/>, and every household linked to a member who is no longer among the roster's members
    /// (left the roster, or can no longer take households) or who now serves another community than the one the roster
    /// places the household in (moved branch, a 双报到 registration ended, a split parted them; a merge that moved both
    /// together is no gap), with <see cref="UncoveredReason.ContactLeft"/>. In household id order. Rebalance the plan
    /// (<see cref="ContactPlanEngine.Rebalance"/>) with the same roster to relink them.
    /// </summary>
    /// <param name="roster">The roster of the day (<see cref="ContactRoster.From"/>).</param>
    /// <returns>The uncovered households of the day.</returns>
    public ImmutableArray<UncoveredHousehold> UncoveredOn(ContactRoster roster)
    {
        Preconditions.CheckNotNull(roster);
        var serving = new Dictionary<MemberId, OrgUnitId>(roster.Members.Length);
        foreach (var member in roster.Members)
        {
            serving[member.Id] = member.Community;
        }
        // Where the roster places each household now (a restructure may have moved it, and its contact with it).
        var placed = new Dictionary<HouseholdId, OrgUnitId>(roster.Households.Length);
        foreach (var household in roster.Households)
        {
            placed[household.Id] = household.Community;
        }
        var result = ImmutableArray.CreateBuilder<UncoveredHousehold>(Uncovered.Length);
        bool any = false;
        for (int i = 0; i < households.Length; i++)
        {
            int j = memberIndex[i];
            if (j < 0)
            {
                result.Add(new UncoveredHousehold(households[i].Id, households[i].Community, households[i].Grid, (UncoveredReason)reason[i]));
                continue;
            }
            var community = placed.TryGetValue(households[i].Id, out var now) ? now : households[i].Community;
            if (!serving.TryGetValue(members[j].Id, out var serves) || serves != community)
            {
                result.Add(new UncoveredHousehold(households[i].Id, households[i].Community, households[i].Grid, UncoveredReason.ContactLeft));
                any = true;
            }
        }
        if (!any)
        {
            return Uncovered;
        }
        return result.ToImmutable();
    }

    /// <summary>Whether the household is in the plan (covered or not).</summary>
    /// <param name="household">The household.</param>
    public bool Contains(HouseholdId household) => IndexOf(household) >= 0;

    /// <summary>The households a member looks after, in id order (empty for an unknown member).</summary>
    /// <param name="member">The member.</param>
    public IReadOnlyList<HouseholdId> HouseholdsOf(MemberId member)
    {
        int j = MemberIndexOf(member);
        if (j < 0)
        {
            return [];
        }
        var (start, list) = ByMember();
        var result = new HouseholdId[start[j + 1] - start[j]];
        for (int p = 0; p < result.Length; p++)
        {
            result[p] = households[list[start[j] + p]].Id;
        }
        return result;
    }

    /// <summary>How many households a member looks after.</summary>
    /// <param name="member">The member.</param>
    public int LoadOf(MemberId member)
    {
        int j = MemberIndexOf(member);
        if (j < 0)
        {
            return 0;
        }
        var start = ByMember().Start;
        return start[j + 1] - start[j];
    }

    /// <summary>The households of each member (CSR, household indexes in id order), built once on first use.</summary>
    private MemberHouseholds ByMember()
    {
        var built = Volatile.Read(ref byMember);
        if (built is not null)
        {
            return built;
        }
        var start = new int[members.Length + 1];
        for (int i = 0; i < households.Length; i++)
        {
            if (memberIndex[i] >= 0)
            {
                start[memberIndex[i] + 1]++;
            }
        }
        for (int j = 0; j < members.Length; j++)
        {
            start[j + 1] += start[j];
        }
        var list = new int[start[members.Length]];
        var fill = (int[])start.Clone();
        for (int i = 0; i < households.Length; i++)
        {
            if (memberIndex[i] >= 0)
            {
                list[fill[memberIndex[i]]++] = i;
            }
        }
        // Two threads may both build it; they build the same thing and the first one kept wins.
        return Interlocked.CompareExchange(ref byMember, new MemberHouseholds(start, list), null) ?? byMember!;
    }

    private sealed record MemberHouseholds(int[] Start, int[] Households);

    /// <summary>Coverage per grid (网格覆盖率), in grid id order.</summary>
    public ImmutableArray<GridContactCoverage> CoverageByGrid()
    {
        var byGrid = new SortedDictionary<int, (OrgUnitId Community, int Households, int Covered)>();
        for (int i = 0; i < households.Length; i++)
        {
            var x = households[i];
            byGrid.TryGetValue(x.Grid.Value, out var row);
            byGrid[x.Grid.Value] = (x.Community, row.Households + 1, row.Covered + (memberIndex[i] >= 0 ? 1 : 0));
        }
        return [.. byGrid.Select(g => new GridContactCoverage(new OrgUnitId(g.Key), g.Value.Community, g.Value.Households, g.Value.Covered))];
    }

    internal int IndexOf(HouseholdId household)
    {
        int lo = 0, hi = households.Length - 1;
        int id = household.Value;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int v = households[mid].Id.Value;
            if (v == id)
            {
                return mid;
            }
            if (v < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    internal int MemberIndexOf(MemberId member)
    {
        int lo = 0, hi = members.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int v = members[mid].Id.Value;
            if (v == member.Value)
            {
                return mid;
            }
            if (v < member.Value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return -1;
    }

    internal int MemberIndexAt(int i) => memberIndex[i];

    /// <summary>Copies the links of <paramref name="length"/> households from index <paramref name="from"/> to <paramref name="to"/> of another plan's arrays, member indexes mapped through <paramref name="newMember"/>.</summary>
    internal void CopyRowsTo(int from, int to, int length, int[] newMember, int[] memberIndexTo, int[] distanceTo, bool[] crossTo, int[] reasonTo)
    {
        Array.Copy(distance, from, distanceTo, to, length);
        Array.Copy(cross, from, crossTo, to, length);
        Array.Copy(reason, from, reasonTo, to, length);
        var source = memberIndex.AsSpan(from, length);
        var target = memberIndexTo.AsSpan(to, length);
        for (int k = 0; k < source.Length; k++)
        {
            int j = source[k];
            target[k] = j < 0 ? -1 : newMember[j];
        }
    }

    internal int ReasonAt(int i) => reason[i];

    internal int DistanceAt(int i) => distance[i];

    internal bool CrossGridAt(int i) => cross[i];

    /// <summary>The id of the member linked to the household at index <paramref name="i"/>, or 0.</summary>
    internal int MemberIdAt(int i) => memberIndex[i] < 0 ? 0 : members[memberIndex[i]].Id.Value;

    internal ContactLink LinkAt(int i) => new(households[i].Id, members[memberIndex[i]].Id, distance[i], cross[i]);
}
