using System.Collections.Immutable;

namespace GridGovernance.Contacts.Planning;

/// <summary>
/// The contact plan's solve: the problem cut into pools, solved in parallel (or copied from the previous plan when
/// unchanged), and the links put together; and the splice of one community's solve into a city's plan.
/// </summary>
internal static class ContactPlanSolver
{
    /// <summary>Rebalances one community: see <see cref="ContactPlanEngine.RebalanceCommunity"/>.</summary>
    internal static ContactRebalance RebalanceCommunity(ContactPlan previous, OrgUnitId community, ContactProblem local, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        var hs = CommunitySplice.Splice<ContactHousehold, CommunitySplice.HouseholdRow>(previous.HouseholdArray, local.Households, community, "households", problems);
        var ms = CommunitySplice.Splice<ContactMember, CommunitySplice.MemberRow>(previous.MemberArray, local.Members, community, "members", problems);
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

    internal static (ContactPlan Plan, int Repaired) Solve(ContactProblem input, ContactPlan? previous, CandidateGraph? graph, IProgress<ContactPlanProgress>? progress, CancellationToken cancellationToken, bool keepUnchangedPools = true)
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

    /// <summary>
    /// Degrees east of <paramref name="origin"/>, wrapped into [−180, 180]: the local projection crosses the antimeridian
    /// the short way (179.999° and −179.999° are 0.002° apart, not 359.998°).
    /// </summary>
    internal static double EastOf(double longitude, double origin)
    {
        double d = longitude - origin;
        return d > 180 ? d - 360 : d < -180 ? d + 360 : d;
    }

    private static int SolvePool(ContactProblem input, ContactPlan? previous, Pool pool, CandidateGraph? graph, int[] memberOf, int[] distance, bool[] cross, int[] reason, CancellationToken cancellationToken)
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
            hx[i] = EastOf(x.Location.Longitude, origin.Longitude) * kx;
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
            mx[j] = EastOf(x.Location.Longitude, origin.Longitude) * kx;
            my[j] = (x.Location.Latitude - origin.Latitude) * metresPerDegree;
            mGrid[j] = x.Grid.Value;
            capacity[j] = input.Options.CapacityOf(x.Kind);
        }
        int[]? preferred = previous is null ? null : PreferredMembers(input, previous, hs, ms);
        int penalty = input.Options.AllowCrossGrid ? input.Options.CrossGridPenaltyMetres : 0;
        var arcs = new CandidateArcs(hx, hy, hGrid, mx, my, mGrid, penalty, input.Options.CandidatesPerHousehold);
        var solver = new PoolSolver(arcs, capacity, preferred, input.Options.KeepBonusMetres);
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
                distance[g] = arcs.Distance(i, j);
                cross[g] = arcs.IsCrossGrid(i, j);
            }
        }
        graph?.Add(arcs, solver, hs, ms, capacity);
        return solver.Repaired;
    }

    private static int[] PreferredMembers(ContactProblem input, ContactPlan previous, int[] hs, int[] ms)
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

    private static bool[] UnchangedPools(ContactProblem input, ContactPlan previous, List<Pool> pools)
    {
        var before = ContactProblem.FromPlan(previous).Pools().ToDictionary(p => p.Key);
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
    private static (int[] PreviousHousehold, int[] NewMember) Correspond(ContactProblem input, ContactPlan previous)
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
}
