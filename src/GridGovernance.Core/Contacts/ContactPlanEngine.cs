using System.Runtime.InteropServices;

namespace GridGovernance.Contacts;

/// <summary>
/// 党员联系户 assignment (就近就便, 全覆盖): links every household to one member of its community, within each
/// member's capacity, minimising the total distance (plus a penalty for crossing grids). Pure and deterministic:
/// the result depends only on the set of households and members (ties break by id), not on their order or on
/// how the communities were scheduled over cores.
/// </summary>
/// <remarks>
/// <para>
/// Communities (or grids, when cross-grid links are forbidden) are independent pools, solved in parallel. In a
/// pool each household gets its <see cref="ContactPlanOptions.CandidatesPerHousehold"/> nearest members (spatial
/// buckets); min-cost flow on that candidate graph is solved exactly by successive shortest paths with
/// potentials. A household the candidates cannot cover is given an arc to the nearest member with room and
/// routed again, so every household is covered whenever its pool has room: coverage equals the max-flow of the
/// full allowed graph. Distances are in whole metres on a local (equirectangular) projection around each pool,
/// within 0.1 % of <see cref="GeoPoint.DistanceMetresTo"/> at community scale.
/// </para>
/// </remarks>
[Immutable]
public static class ContactPlanEngine
{
    /// <summary>Plans the links for a city (or any part of it).</summary>
    /// <param name="households">The households; ids must be distinct.</param>
    /// <param name="members">The members who can look after households; ids must be distinct.</param>
    /// <param name="options">Capacities and costs; <see cref="ContactPlanOptions.Default"/> when <c>null</c>.</param>
    /// <param name="progress">Told as pools are solved, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The plan: a link per covered household, every other household listed with its reason.</returns>
    /// <exception cref="GridGovernanceValidationException">Listing every duplicate or unset id, or every bad option.</exception>
    public static ContactPlan Plan(
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        ContactPlanOptions? options = null,
        IProgress<ContactPlanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var input = PlanInput.Create(households, members, options ?? ContactPlanOptions.Default);
        return Solve(input, null, null, progress, cancellationToken).Plan;
    }

    /// <summary>
    /// Rebalances a plan after members joined, left or moved and households were added or removed (调整联系户):
    /// pools whose households and members did not change keep their links as they are; in a changed pool every
    /// existing link that is still possible is credited <see cref="ContactPlanOptions.KeepBonusMetres"/>, so a
    /// household moves only when that pays. Uses the previous plan's options.
    /// </summary>
    /// <param name="previous">The plan in force.</param>
    /// <param name="households">The households now.</param>
    /// <param name="members">The members now.</param>
    /// <param name="progress">Told as pools are solved, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The new plan and the links added and removed (what the office acts on).</returns>
    /// <exception cref="GridGovernanceValidationException">Listing every duplicate or unset id.</exception>
    public static ContactRebalance Rebalance(
        ContactPlan previous,
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        IProgress<ContactPlanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(previous);
        var input = PlanInput.Create(households, members, previous.Options);
        var plan = Solve(input, previous, null, progress, cancellationToken).Plan;
        return new ContactRebalance(plan, ContactPlanDiff.Between(previous, plan));
    }

    /// <summary>
    /// Rebalances one community after a change there (a member joined, left or moved; households added or
    /// removed): <paramref name="households"/> and <paramref name="members"/> are the community's rows now; every
    /// other community keeps its rows and links as they are. Linear in the city (merges, no sorting of the city)
    /// plus the solve of the one community, so it suits a change made at a desk.
    /// </summary>
    /// <param name="previous">The plan in force.</param>
    /// <param name="community">The community that changed.</param>
    /// <param name="households">The community's households now (all with that community).</param>
    /// <param name="members">The community's members now (all with that community).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The new plan and the links added and removed.</returns>
    /// <exception cref="GridGovernanceValidationException">A row of another community, a duplicate id, or an id another community uses.</exception>
    public static ContactRebalance RebalanceCommunity(
        ContactPlan previous,
        OrgUnitId community,
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(previous);
        var local = PlanInput.Create(households, members, previous.Options);
        var problems = new List<ValidationProblem>();
        var hs = Merge(previous.HouseholdArray, local.Households, community, h => h.Id.Value, h => h.Community, "households", problems);
        var ms = Merge(previous.MemberArray, local.Members, community, m => m.Id.Value, m => m.Community, "members", problems);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException($"The rows of community {community}", problems);
        }
        var input = PlanInput.Sorted(hs, ms, previous.Options);
        var plan = Solve(input, previous, null, null, cancellationToken, community).Plan;
        return new ContactRebalance(plan, ContactPlanDiff.Between(previous, plan));
    }

    private static T[] Merge<T>(T[] before, T[] rows, OrgUnitId community, Func<T, int> id, Func<T, OrgUnitId> communityOf, string field, List<ValidationProblem> problems)
    {
        int kept = 0;
        foreach (var old in before)
        {
            kept += communityOf(old) == community ? 0 : 1;
        }
        foreach (var row in rows)
        {
            if (communityOf(row) != community)
            {
                problems.Add(new(field, id(row).ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsMissingReference, $"Row {id(row)} belongs to {communityOf(row)}, not {community}."));
            }
        }
        // One array of the final size: at city scale a growing list and a copy cost more than the solve.
        var result = new T[kept + rows.Length];
        int r = 0, n = 0;
        foreach (var old in before)
        {
            if (communityOf(old) == community)
            {
                continue;
            }
            while (r < rows.Length && id(rows[r]) < id(old))
            {
                result[n++] = rows[r++];
            }
            if (r < rows.Length && id(rows[r]) == id(old))
            {
                problems.Add(new(field, id(old).ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsDuplicateId, $"Id {id(old)} is used by {communityOf(old)}; a row that changes community needs Rebalance."));
                r++;
            }
            result[n++] = old;
        }
        while (r < rows.Length)
        {
            result[n++] = rows[r++];
        }
        return result;
    }

    /// <summary>Plans and also returns the candidate graph each pool was solved on (repair arcs included), for oracles and benchmarks.</summary>
    internal static (ContactPlan Plan, CandidateGraph Graph) PlanWithGraph(IEnumerable<ContactHousehold> households, IEnumerable<ContactMember> members, ContactPlanOptions? options = null)
    {
        var input = PlanInput.Create(households, members, options ?? ContactPlanOptions.Default);
        var graph = new CandidateGraph(input.Households.Length, input.Members.Length);
        var result = Solve(input, null, graph, null, CancellationToken.None);
        return (result.Plan, graph);
    }

    private static (ContactPlan Plan, int Repaired) Solve(PlanInput input, ContactPlan? previous, CandidateGraph? graph, IProgress<ContactPlanProgress>? progress, CancellationToken cancellationToken, OrgUnitId? onlyCommunity = null)
    {
        int hn = input.Households.Length;
        var memberOf = new int[hn];
        var distance = new int[hn];
        var cross = new bool[hn];
        var reason = new int[hn];
        var pools = input.Pools(onlyCommunity);
        var unchanged = previous is null || onlyCommunity is not null ? null : UnchangedPools(input, previous, pools);
        var (previousHousehold, newMember) = previous is null ? ([], []) : Correspond(input, previous);
        if (onlyCommunity is OrgUnitId only)
        {
            // Every other community keeps its rows, so its links are copied as they are.
            for (int g = 0; g < hn; g++)
            {
                if (input.Households[g].Community != only)
                {
                    CopyHousehold(previous!, g, previousHousehold, newMember, memberOf, distance, cross, reason);
                }
            }
        }
        var order = Enumerable.Range(0, pools.Count).OrderByDescending(p => (long)pools[p].Households.Length * Math.Max(pools[p].Members.Length, 1)).ThenBy(p => p).ToArray();
        int done = 0, repaired = 0;
        int reportEvery = Math.Max(1, pools.Count / 100);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, order.Length, parallel, o =>
        {
            var pool = pools[order[o]];
            if (unchanged is not null && unchanged[order[o]])
            {
                CopyPool(previous!, pool, previousHousehold, newMember, memberOf, distance, cross, reason);
            }
            else
            {
                int r = SolvePool(input, previous, pool, graph, memberOf, distance, cross, reason, cancellationToken);
                Interlocked.Add(ref repaired, r);
            }
            int now = Interlocked.Increment(ref done);
            if (progress is not null && (now % reportEvery == 0 || now == order.Length))
            {
                progress.Report(new ContactPlanProgress(now, order.Length));
            }
        });
        return (new ContactPlan(input.Options, input.Households, input.Members, memberOf, distance, cross, reason, repaired), repaired);
    }

    private static int SolvePool(PlanInput input, ContactPlan? previous, Pool pool, CandidateGraph? graph, int[] memberOf, int[] distance, bool[] cross, int[] reason, CancellationToken cancellationToken)
    {
        var hs = pool.Households;
        var ms = pool.Members;
        var origin = ms.Length > 0 ? input.Members[ms[0]].Location : input.Households[hs[0]].Location;
        double lat0 = origin.Latitude * Math.PI / 180;
        const double metresPerDegree = 6_371_008.8 * Math.PI / 180;
        double kx = metresPerDegree * Math.Cos(lat0);
        var hx = new double[hs.Length];
        var hy = new double[hs.Length];
        var hGrid = new int[hs.Length];
        for (int i = 0; i < hs.Length; i++)
        {
            var x = input.Households[hs[i]];
            hx[i] = (x.Location.Longitude - origin.Longitude) * kx;
            hy[i] = (x.Location.Latitude - origin.Latitude) * metresPerDegree;
            hGrid[i] = x.Grid.Value;
        }
        var mx = new double[ms.Length];
        var my = new double[ms.Length];
        var mGrid = new int[ms.Length];
        var capacity = new int[ms.Length];
        for (int j = 0; j < ms.Length; j++)
        {
            var x = input.Members[ms[j]];
            mx[j] = (x.Location.Longitude - origin.Longitude) * kx;
            my[j] = (x.Location.Latitude - origin.Latitude) * metresPerDegree;
            mGrid[j] = x.Grid.Value;
            capacity[j] = input.Options.CapacityOf(x.Kind);
        }
        int[]? preferred = previous is null ? null : PreferredMembers(input, previous, hs, ms);
        int penalty = input.Options.AllowCrossGrid ? input.Options.CrossGridPenaltyMetres : 0;
        var solver = new PoolSolver(hx, hy, hGrid, mx, my, mGrid, capacity, preferred, penalty, input.Options.KeepBonusMetres);
        solver.BuildCandidates(input.Options.CandidatesPerHousehold);
        var reasons = solver.Solve(cancellationToken);
        var assignment = solver.Assignment;
        for (int i = 0; i < hs.Length; i++)
        {
            int g = hs[i];
            int j = assignment[i];
            reason[g] = reasons[i];
            memberOf[g] = j < 0 ? -1 : ms[j];
            if (j >= 0)
            {
                distance[g] = solver.Distance(i, j);
                cross[g] = solver.IsCrossGrid(i, j);
            }
        }
        graph?.Add(solver, hs, ms, capacity);
        return solver.Repaired;
    }

    private static int[] PreferredMembers(PlanInput input, ContactPlan previous, int[] hs, int[] ms)
    {
        var local = new Dictionary<int, int>(ms.Length);
        for (int j = 0; j < ms.Length; j++)
        {
            local[input.Members[ms[j]].Id.Value] = j;
        }
        var preferred = new int[hs.Length];
        for (int i = 0; i < hs.Length; i++)
        {
            preferred[i] = previous.MemberOf(input.Households[hs[i]].Id) is MemberId was && local.TryGetValue(was.Value, out var j) ? j : -1;
        }
        return preferred;
    }

    private static bool[] UnchangedPools(PlanInput input, ContactPlan previous, List<Pool> pools)
    {
        var before = PlanInput.FromPlan(previous).Pools().ToDictionary(p => p.Key);
        var result = new bool[pools.Count];
        for (int p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            result[p] = before.TryGetValue(pool.Key, out var old)
                && SameRows(pool.Households, old.Households, input.Households, previous.HouseholdArray)
                && SameRows(pool.Members, old.Members, input.Members, previous.MemberArray);
        }
        return result;
    }

    private static bool SameRows<T>(int[] now, int[] before, T[] nowRows, T[] beforeRows)
        where T : struct
    {
        if (now.Length != before.Length)
        {
            return false;
        }
        for (int i = 0; i < now.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(nowRows[now[i]], beforeRows[before[i]]))
            {
                return false;
            }
        }
        return true;
    }

    private static void CopyPool(ContactPlan previous, Pool pool, int[] previousHousehold, int[] newMember, int[] memberOf, int[] distance, bool[] cross, int[] reason)
    {
        foreach (int g in pool.Households)
        {
            CopyHousehold(previous, g, previousHousehold, newMember, memberOf, distance, cross, reason);
        }
    }

    private static void CopyHousehold(ContactPlan previous, int g, int[] previousHousehold, int[] newMember, int[] memberOf, int[] distance, bool[] cross, int[] reason)
    {
        int old = previousHousehold[g];
        int oldMember = previous.MemberIndexAt(old);
        reason[g] = previous.ReasonAt(old);
        memberOf[g] = oldMember < 0 ? -1 : newMember[oldMember];
        distance[g] = previous.DistanceAt(old);
        cross[g] = previous.CrossGridAt(old);
    }

    /// <summary>By merging the id-sorted arrays: each new household's index in the previous plan, each previous member's new index (−1 when gone).</summary>
    private static (int[] PreviousHousehold, int[] NewMember) Correspond(PlanInput input, ContactPlan previous)
    {
        var oldHouseholds = previous.HouseholdArray;
        var previousHousehold = new int[input.Households.Length];
        for (int i = 0, o = 0; i < previousHousehold.Length; i++)
        {
            int id = input.Households[i].Id.Value;
            while (o < oldHouseholds.Length && oldHouseholds[o].Id.Value < id)
            {
                o++;
            }
            previousHousehold[i] = o < oldHouseholds.Length && oldHouseholds[o].Id.Value == id ? o : -1;
        }
        var oldMembers = previous.MemberArray;
        var newMember = new int[oldMembers.Length];
        for (int j = 0, n = 0; j < oldMembers.Length; j++)
        {
            int id = oldMembers[j].Id.Value;
            while (n < input.Members.Length && input.Members[n].Id.Value < id)
            {
                n++;
            }
            newMember[j] = n < input.Members.Length && input.Members[n].Id.Value == id ? n : -1;
        }
        return (previousHousehold, newMember);
    }

    /// <summary>The sorted, validated input and its pools.</summary>
    internal sealed class PlanInput
    {
        private PlanInput(ContactHousehold[] households, ContactMember[] members, ContactPlanOptions options)
        {
            Households = households;
            Members = members;
            Options = options;
        }

        internal ContactHousehold[] Households { get; }

        internal ContactMember[] Members { get; }

        internal ContactPlanOptions Options { get; }

        internal static PlanInput Create(IEnumerable<ContactHousehold> households, IEnumerable<ContactMember> members, ContactPlanOptions options)
        {
            Preconditions.CheckNotNull(households);
            Preconditions.CheckNotNull(members);
            Preconditions.CheckNotNull(options);
            options.Validate();
            var hs = households.ToArray();
            var ms = members.ToArray();
            SortById(hs, h => h.Id.Value);
            SortById(ms, m => m.Id.Value);
            var problems = new List<ValidationProblem>();
            for (int i = 0; i < hs.Length && problems.Count < 100; i++)
            {
                if (!hs[i].Id.IsSpecified || !hs[i].Community.IsSpecified || !hs[i].Grid.IsSpecified)
                {
                    problems.Add(new("households", hs[i].Id.ToString(), ErrorCodes.ContactsMissingReference, $"Household {hs[i].Id} has an unset id, community or grid."));
                }
                else if (i > 0 && hs[i].Id == hs[i - 1].Id)
                {
                    problems.Add(new("households", hs[i].Id.ToString(), ErrorCodes.ContactsDuplicateId, $"{hs[i].Id} appears more than once."));
                }
            }
            for (int j = 0; j < ms.Length && problems.Count < 100; j++)
            {
                if (!ms[j].Id.IsSpecified || !ms[j].Community.IsSpecified || !ms[j].Grid.IsSpecified)
                {
                    problems.Add(new("members", ms[j].Id.ToString(), ErrorCodes.ContactsMissingReference, $"Member {ms[j].Id} has an unset id, community or grid."));
                }
                else if (j > 0 && ms[j].Id == ms[j - 1].Id)
                {
                    problems.Add(new("members", ms[j].Id.ToString(), ErrorCodes.ContactsDuplicateId, $"{ms[j].Id} appears more than once."));
                }
            }
            if (problems.Count > 0)
            {
                throw new GridGovernanceValidationException("The contact plan input", problems);
            }
            return new PlanInput(hs, ms, options);
        }

        /// <summary>Sorts by id with an int key array (much faster than a comparison delegate); input already in order is left as is.</summary>
        private static void SortById<T>(T[] rows, Func<T, int> id)
        {
            var keys = new int[rows.Length];
            bool sorted = true;
            for (int i = 0; i < rows.Length; i++)
            {
                keys[i] = id(rows[i]);
                sorted &= i == 0 || keys[i - 1] <= keys[i];
            }
            if (!sorted)
            {
                Array.Sort(keys, rows);
            }
        }

        internal static PlanInput FromPlan(ContactPlan plan) => new(plan.HouseholdArray, plan.MemberArray, plan.Options);

        internal static PlanInput Sorted(ContactHousehold[] households, ContactMember[] members, ContactPlanOptions options) => new(households, members, options);

        internal long KeyOf(OrgUnitId community, OrgUnitId grid) => ((long)community.Value << 32) | (uint)(Options.AllowCrossGrid ? 0 : grid.Value);

        /// <summary>The pools, by key; only those of <paramref name="only"/> when given.</summary>
        internal List<Pool> Pools(OrgUnitId? only = null)
        {
            var index = new Dictionary<long, int>();
            var keys = new List<long>();
            var hPool = new int[Households.Length];
            for (int i = 0; i < Households.Length; i++)
            {
                if (only is OrgUnitId o && Households[i].Community != o)
                {
                    hPool[i] = -1;
                    continue;
                }
                long key = KeyOf(Households[i].Community, Households[i].Grid);
                ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out bool exists);
                if (!exists)
                {
                    slot = keys.Count;
                    keys.Add(key);
                }
                hPool[i] = slot;
            }
            var mPool = new int[Members.Length];
            for (int j = 0; j < Members.Length; j++)
            {
                // Members of a pool with no household are not needed.
                mPool[j] = index.TryGetValue(KeyOf(Members[j].Community, Members[j].Grid), out var p) ? p : -1;
            }
            var hCount = new int[keys.Count];
            var mCount = new int[keys.Count];
            foreach (int p in hPool)
            {
                if (p >= 0)
                {
                    hCount[p]++;
                }
            }
            foreach (int p in mPool)
            {
                if (p >= 0)
                {
                    mCount[p]++;
                }
            }
            var pools = new List<Pool>(keys.Count);
            for (int p = 0; p < keys.Count; p++)
            {
                pools.Add(new Pool(keys[p], new int[hCount[p]], new int[mCount[p]]));
            }
            Array.Clear(hCount);
            Array.Clear(mCount);
            for (int i = 0; i < hPool.Length; i++)
            {
                if (hPool[i] >= 0)
                {
                    pools[hPool[i]].Households[hCount[hPool[i]]++] = i;
                }
            }
            for (int j = 0; j < mPool.Length; j++)
            {
                if (mPool[j] >= 0)
                {
                    pools[mPool[j]].Members[mCount[mPool[j]]++] = j;
                }
            }
            pools.Sort((a, b) => a.Key.CompareTo(b.Key));
            return pools;
        }
    }

    /// <summary>One independent subproblem: global indexes (ascending id) of its households and members.</summary>
    internal sealed record Pool(long Key, int[] Households, int[] Members);
}
