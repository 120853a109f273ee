using System.Collections.Immutable;
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
    /// other community keeps its rows and links as they are. The work is the solve of the one community, lookups of
    /// its rows in the previous plan, and block copies of the other communities' rows and links (no per-row work
    /// outside the community), so it suits a change made at a desk.
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
        var hs = Splice<ContactHousehold, HouseholdRow>(previous.HouseholdArray, local.Households, community, "households", problems);
        var ms = Splice<ContactMember, MemberRow>(previous.MemberArray, local.Members, community, "members", problems);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException($"The rows of community {community}", problems);
        }
        // The community alone: its pools solved afresh (existing links credited), nothing else looked at.
        var (part, repaired) = Solve(local, previous, null, null, cancellationToken, keepUnchangedPools: false);
        int n = hs.Rows.Length;
        var memberIndex = GC.AllocateUninitializedArray<int>(n);
        var distance = GC.AllocateUninitializedArray<int>(n);
        var cross = GC.AllocateUninitializedArray<bool>(n);
        var reason = GC.AllocateUninitializedArray<int>(n);
        // Old member index → new, for the links of the households kept (they only link to members kept).
        var newMember = ms.OldToNew(previous.MemberArray.Length);
        foreach (var piece in hs.Pieces)
        {
            if (piece.Local >= 0)
            {
                int j = part.MemberIndexAt(piece.Local);
                memberIndex[piece.To] = j < 0 ? -1 : ms.LocalToNew[j];
                distance[piece.To] = part.DistanceAt(piece.Local);
                cross[piece.To] = part.CrossGridAt(piece.Local);
                reason[piece.To] = part.ReasonAt(piece.Local);
                continue;
            }
            previous.CopyRowsTo(piece.From, piece.To, piece.Length, newMember, memberIndex, distance, cross, reason);
        }
        // Totals and uncovered households: the previous ones, less the community's old rows, plus its new ones.
        long total = previous.TotalDistanceMetres + part.TotalDistanceMetres, cost = previous.TotalCostMetres + part.TotalCostMetres;
        foreach (int o in hs.CommunityRows)
        {
            if (previous.MemberIndexAt(o) >= 0)
            {
                total -= previous.DistanceAt(o);
                cost -= previous.DistanceAt(o) + (previous.CrossGridAt(o) ? previous.Options.CrossGridPenaltyMetres : 0);
            }
        }
        var uncovered = ImmutableArray.CreateBuilder<UncoveredHousehold>(previous.Uncovered.Length + part.Uncovered.Length);
        int u = 0;
        foreach (var row in previous.Uncovered)
        {
            if (row.Community == community)
            {
                continue;
            }
            while (u < part.Uncovered.Length && part.Uncovered[u].Household.Value < row.Household.Value)
            {
                uncovered.Add(part.Uncovered[u++]);
            }
            uncovered.Add(row);
        }
        while (u < part.Uncovered.Length)
        {
            uncovered.Add(part.Uncovered[u++]);
        }
        var plan = new ContactPlan(previous.Options, hs.Rows, ms.Rows, memberIndex, distance, cross, reason, repaired, uncovered.DrainToImmutable(), total, cost);
        return new ContactRebalance(plan, ContactPlanDiff.Between(previous, hs.CommunityRows, part));
    }

    /// <summary>Reads a row's id and community without a delegate (the splice runs over a whole city's rows).</summary>
    private interface IRow<T>
    {
        static abstract int Id(in T row);

        static abstract OrgUnitId Community(in T row);
    }

    private readonly struct HouseholdRow : IRow<ContactHousehold>
    {
        public static int Id(in ContactHousehold row) => row.Id.Value;

        public static OrgUnitId Community(in ContactHousehold row) => row.Community;
    }

    private readonly struct MemberRow : IRow<ContactMember>
    {
        public static int Id(in ContactMember row) => row.Id.Value;

        public static OrgUnitId Community(in ContactMember row) => row.Community;
    }

    /// <summary>A run of the new rows: <paramref name="Length"/> old rows from <paramref name="From"/> (Local −1), or one row of the community's new ones (Local ≥ 0), placed at <paramref name="To"/>.</summary>
    private readonly record struct Piece(int From, int Local, int To, int Length);

    /// <summary>The spliced rows, how they were put together, where the community's rows were before, and where its new rows went.</summary>
    private sealed record Spliced<T>(T[] Rows, List<Piece> Pieces, int[] CommunityRows, int[] LocalToNew)
    {
        /// <summary>Each old row's new index (−1 for the community's old rows).</summary>
        internal int[] OldToNew(int oldLength)
        {
            var map = GC.AllocateUninitializedArray<int>(oldLength);
            foreach (int o in CommunityRows)
            {
                map[o] = -1;
            }
            foreach (var piece in Pieces)
            {
                for (int k = 0; k < (piece.Local < 0 ? piece.Length : 0); k++)
                {
                    map[piece.From + k] = piece.To + k;
                }
            }
            return map;
        }
    }

    /// <summary>
    /// The previous rows with the community's replaced by <paramref name="rows"/> (both in id order), as block copies:
    /// the community's old rows are found by one scan, each new row's place by a binary search in the run of rows it
    /// falls into. Reports rows of another community and ids another community uses.
    /// </summary>
    private static Spliced<T> Splice<T, TRow>(T[] before, T[] rows, OrgUnitId community, string field, List<ValidationProblem> problems)
        where TRow : IRow<T>
    {
        foreach (var row in rows)
        {
            if (TRow.Community(row) != community)
            {
                problems.Add(new(field, TRow.Id(row).ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsMissingReference, $"Row {TRow.Id(row)} belongs to {TRow.Community(row)}, not {community}."));
            }
        }
        var communityRows = new List<int>();
        for (int o = 0; o < before.Length; o++)
        {
            if (TRow.Community(before[o]) == community)
            {
                communityRows.Add(o);
            }
        }
        var pieces = new List<Piece>();
        var localToNew = new int[rows.Length];
        int to = 0, r = 0, from = 0;
        for (int c = 0; c <= communityRows.Count; c++)
        {
            // The run of other communities' rows before the c-th old community row (or the end).
            int end = c < communityRows.Count ? communityRows[c] : before.Length;
            while (from < end)
            {
                int cut = end;
                if (r < rows.Length)
                {
                    int id = TRow.Id(rows[r]);
                    cut = LowerBound<T, TRow>(before, from, end, id);
                    if (cut < end && TRow.Id(before[cut]) == id)
                    {
                        problems.Add(new(field, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsDuplicateId, $"Id {id} is used by {TRow.Community(before[cut])}; a row that changes community needs Rebalance."));
                        r++;
                        continue;
                    }
                }
                if (cut > from)
                {
                    pieces.Add(new Piece(from, -1, to, cut - from));
                    to += cut - from;
                    from = cut;
                }
                if (cut < end)
                {
                    localToNew[r] = to;
                    pieces.Add(new Piece(-1, r++, to++, 1));
                }
            }
            from = end + 1;
        }
        while (r < rows.Length)
        {
            localToNew[r] = to;
            pieces.Add(new Piece(-1, r++, to++, 1));
        }
        var result = GC.AllocateUninitializedArray<T>(to);
        foreach (var piece in pieces)
        {
            if (piece.Local >= 0)
            {
                result[piece.To] = rows[piece.Local];
            }
            else
            {
                Array.Copy(before, piece.From, result, piece.To, piece.Length);
            }
        }
        return new Spliced<T>(result, pieces, [.. communityRows], localToNew);
    }

    /// <summary>The first index in [lo, hi) whose id is at least <paramref name="id"/>.</summary>
    private static int LowerBound<T, TRow>(T[] rows, int lo, int hi, int id)
        where TRow : IRow<T>
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (TRow.Id(rows[mid]) < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>Plans and also returns the candidate graph each pool was solved on (repair arcs included), for oracles and benchmarks.</summary>
    internal static (ContactPlan Plan, CandidateGraph Graph) PlanWithGraph(IEnumerable<ContactHousehold> households, IEnumerable<ContactMember> members, ContactPlanOptions? options = null)
    {
        var input = PlanInput.Create(households, members, options ?? ContactPlanOptions.Default);
        var graph = new CandidateGraph(input.Households.Length, input.Members.Length);
        var result = Solve(input, null, graph, null, CancellationToken.None);
        return (result.Plan, graph);
    }

    private static (ContactPlan Plan, int Repaired) Solve(PlanInput input, ContactPlan? previous, CandidateGraph? graph, IProgress<ContactPlanProgress>? progress, CancellationToken cancellationToken, bool keepUnchangedPools = true)
    {
        int hn = input.Households.Length;
        var memberOf = new int[hn];
        var distance = new int[hn];
        var cross = new bool[hn];
        var reason = new int[hn];
        var pools = input.Pools();
        var unchanged = previous is null || !keepUnchangedPools ? null : UnchangedPools(input, previous, pools);
        var (previousHousehold, newMember) = unchanged is null ? ([], []) : Correspond(input, previous!);
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

        internal long KeyOf(OrgUnitId community, OrgUnitId grid) => ((long)community.Value << 32) | (uint)(Options.AllowCrossGrid ? 0 : grid.Value);

        /// <summary>The pools, by key.</summary>
        internal List<Pool> Pools()
        {
            var index = new Dictionary<long, int>();
            var keys = new List<long>();
            var hPool = new int[Households.Length];
            for (int i = 0; i < Households.Length; i++)
            {
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
