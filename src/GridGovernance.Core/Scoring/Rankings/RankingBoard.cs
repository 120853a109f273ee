using System.Runtime.InteropServices;
using GridGovernance.Organisation;

namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// Builds rankings (排名晾晒、标杆引导、底线管理) from an assessment result: members within a scope — the whole
/// roster, or everyone under a branch, community, street or city, or within a regional committee's (区域党委)
/// jurisdiction — and organisation units by their members' scores.
/// </summary>
/// <remarks>
/// <para>
/// Members are listed by score descending, ties by member id ascending, and get competition ranks (1, 2, 2, 4):
/// rank = 1 + the number of members in the scope with a strictly higher score. Bottom-line flags (below the floor,
/// vetoed, negative-list hits) mark members and never remove them.
/// </para>
/// <para>
/// Ranking n members packs each member's (score, position) into one <c>long</c> and radix-sorts the n longs — O(n)
/// passes, a handful of them — with a comparison sort of small structs as the fallback when the scores span too
/// wide a range to pack; no per-member allocation beyond the row itself.
/// </para>
/// </remarks>
[Immutable]
public static class RankingBoard
{
    /// <summary>Ranks every member of the result's roster.</summary>
    /// <param name="result">The assessment result.</param>
    /// <param name="bottomLine">The floor and negative list; <c>null</c> flags vetoed members only.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="GridGovernanceValidationException">A negative-list code names no item of the result's rule book.</exception>
    public static Ranking Rank(AssessmentResult result, BottomLineRules? bottomLine = null)
    {
        Preconditions.CheckNotNull(result);
        return RankCore(result, result.Members.AsSpan(), null, bottomLine ?? BottomLineRules.VetoOnly);
    }

    /// <summary>
    /// Ranks the members within a unit's jurisdiction (<see cref="HierarchyIndex.IsWithinJurisdiction"/>): its own
    /// members and those of every unit below it — a branch, a community, a street or a city — and, for a regional
    /// committee (区域党委), the members under the communities it spans on the index's day. Members of the result that
    /// are not in the index are outside every unit scope.
    /// </summary>
    /// <param name="result">The assessment result.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="scope">The unit.</param>
    /// <param name="bottomLine">The floor and negative list; <c>null</c> flags vetoed members only.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="GridGovernanceValidationException">The unit is not in the index, or a negative-list code names no item of the rule book.</exception>
    public static Ranking Rank(AssessmentResult result, HierarchyIndex index, OrgUnitId scope, BottomLineRules? bottomLine = null)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckArgument(index.Contains(scope), nameof(scope), ErrorCodes.UnknownKey, $"{scope} is not in the hierarchy index as of {index.AsOf:yyyy-MM-dd}.");
        var members = result.Members;
        var inScope = new List<MemberAssessment>();
        for (int i = 0; i < members.Length; i++)
        {
            NodeRef node = members[i].Member;
            if (index.IsWithinJurisdiction(scope, node))
            {
                inScope.Add(members[i]);
            }
        }
        return RankCore(result, CollectionsMarshal.AsSpan(inScope), scope, bottomLine ?? BottomLineRules.VetoOnly);
    }

    /// <summary>
    /// Ranks units by the scores of the assessed members within their jurisdiction (each unit counts every member in
    /// its subtree; a regional committee, 区域党委, also every member under the communities it spans on the index's day).
    /// Units are listed by score descending, then unit id ascending, with competition ranks.
    /// </summary>
    /// <param name="result">The assessment result.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="units">The units to rank, each once (e.g. the grid branches of a street).</param>
    /// <param name="aggregate">Sum or mean of the members' scores.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="GridGovernanceValidationException">A unit is not in the index or appears twice.</exception>
    public static UnitRanking RankUnits(AssessmentResult result, HierarchyIndex index, IEnumerable<OrgUnitId> units, UnitScoreAggregate aggregate = UnitScoreAggregate.Sum)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(units);
        Preconditions.CheckArgument(Enum.IsDefined(aggregate), nameof(aggregate), ErrorCodes.UndefinedEnum, $"Unknown aggregate {(int)aggregate}.");
        var unitList = units.ToList();
        var seen = new HashSet<OrgUnitId>();
        foreach (var unit in unitList)
        {
            if (!index.Contains(unit))
            {
                throw Preconditions.UnknownKey(nameof(units), $"{unit} is not in the hierarchy index as of {index.AsOf:yyyy-MM-dd}.");
            }
            if (!seen.Add(unit))
            {
                throw Preconditions.InvalidInput(nameof(units), ErrorCodes.DuplicateInput, $"{unit} appears twice.");
            }
        }
        var assessed = new HashSet<int>(result.Members.Length);
        foreach (var member in result.Members)
        {
            assessed.Add(member.Member.Value);
        }
        var sums = result.ScoresByUnit(index);
        var counts = index.RollUp(n => n.Kind == NodeKind.Member && assessed.Contains(n.Value) ? 1 : 0);

        var keys = new RankKey[unitList.Count];
        var memberCounts = new int[unitList.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            var unit = unitList[i];
            var (sum, count) = index.KindOf(unit) == UnitKind.RegionalCommittee
                ? WithinJurisdiction(result, index, unit)
                : (sums[unit], (int)counts[unit]);
            long score = aggregate == UnitScoreAggregate.Sum ? sum : Mean(sum, count);
            keys[i] = new RankKey(score, unit.Value, i);
            memberCounts[i] = count;
        }
        Array.Sort(keys);
        var rows = new UnitRankingRow[keys.Length];
        int n = keys.Length;
        for (int p = 0; p < n;)
        {
            int q = TieEnd(keys, p);
            for (int k = p; k < q; k++)
            {
                var key = keys[k];
                rows[k] = new UnitRankingRow(new OrgUnitId(key.Id), Points.FromUnits(key.Score), memberCounts[key.Index], p + 1, k + 1, n - q, n);
            }
            p = q;
        }
        return new UnitRanking(result.Period, aggregate, ImmutableCollectionsMarshal.AsImmutableArray(rows));
    }

    /// <summary>The score sum and count of the assessed members within a unit's jurisdiction, one pass over the result.</summary>
    private static (long Sum, int Count) WithinJurisdiction(AssessmentResult result, HierarchyIndex index, OrgUnitId unit)
    {
        long sum = 0;
        int count = 0;
        foreach (var member in result.Members)
        {
            if (index.IsWithinJurisdiction(unit, member.Member))
            {
                sum += member.Score.Units;
                count++;
            }
        }
        return (sum, count);
    }

    /// <summary>Ranks the units of one kind (e.g. every grid branch, every community) in the index.</summary>
    /// <param name="result">The assessment result.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="kind">The unit kind.</param>
    /// <param name="aggregate">Sum or mean of the members' scores.</param>
    /// <returns>The ranking.</returns>
    public static UnitRanking RankUnits(AssessmentResult result, HierarchyIndex index, UnitKind kind, UnitScoreAggregate aggregate = UnitScoreAggregate.Sum) =>
        RankUnits(result, index, Preconditions.CheckNotNull(index).UnitsOfKind(kind), aggregate);

    private static Ranking RankCore(AssessmentResult result, ReadOnlySpan<MemberAssessment> members, OrgUnitId? scope, BottomLineRules rules)
    {
        int[] negative = NegativeItems(result.RuleBook, rules);
        bool hasFloor = rules.Floor.HasValue;
        long floor = rules.Floor.GetValueOrDefault().Units;

        // One sequential pass gathers what the rows need, so the pass in listing order reads a compact array
        // instead of chasing each member's objects in random order.
        int n = members.Length;
        var entries = new Entry[n];
        long min = long.MaxValue, max = long.MinValue;
        bool idOrder = true;
        for (int i = 0; i < n; i++)
        {
            var m = members[i];
            long score = m.Score.Units;
            idOrder &= i == 0 || members[i - 1].Member.Value < m.Member.Value;
            min = Math.Min(min, score);
            max = Math.Max(max, score);
            var flags = BottomLineFlags.None;
            if (hasFloor && score < floor)
            {
                flags |= BottomLineFlags.BelowFloor;
            }
            if (m.Vetoed)
            {
                flags |= BottomLineFlags.Vetoed;
            }
            int hits = 0;
            if (negative.Length > 0)
            {
                var counts = m.ItemCounts;
                foreach (int item in negative)
                {
                    hits += counts[item];
                }
                if (hits > 0)
                {
                    flags |= BottomLineFlags.NegativeList;
                }
            }
            entries[i] = new Entry(score, m.Member.Value, m.Subject.Branch, flags, hits);
        }
        return Finish(result.Period, scope, entries, min, max, idOrder);
    }

    /// <summary>
    /// Ranks every member of a publication (公示) from its stored lines, without re-assessing: the same ranking as
    /// <see cref="Rank(AssessmentResult, BottomLineRules?)"/> on the assessment that was published.
    /// </summary>
    /// <param name="published">The published results (<see cref="Ledger.PeriodPublicationService.GetResultsAsync"/>).</param>
    /// <param name="bottomLine">The floor and negative list; <c>null</c> flags vetoed members only.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="GridGovernanceValidationException">A negative-list code names no item of the publication's rule book, or the
    /// publication was made before published lines kept their item counts (revise it to rank it with a negative list).</exception>
    public static Ranking RankPublication(Ledger.PublishedResults published, BottomLineRules? bottomLine = null)
    {
        Preconditions.CheckNotNull(published);
        return RankPublished(published, published.Results.AsSpan(), null, bottomLine ?? BottomLineRules.VetoOnly);
    }

    /// <summary>
    /// Ranks the members of a publication within a unit's jurisdiction (as
    /// <see cref="Rank(AssessmentResult, HierarchyIndex, OrgUnitId, BottomLineRules?)"/>), from its stored lines.
    /// </summary>
    /// <param name="published">The published results.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="scope">The unit.</param>
    /// <param name="bottomLine">The floor and negative list; <c>null</c> flags vetoed members only.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="GridGovernanceValidationException">The unit is not in the index (<see cref="ErrorCodes.UnknownKey"/>, as
    /// <see cref="Rank(AssessmentResult, HierarchyIndex, OrgUnitId, BottomLineRules?)"/>), or as
    /// <see cref="RankPublication(Ledger.PublishedResults, BottomLineRules?)"/>.</exception>
    public static Ranking RankPublication(Ledger.PublishedResults published, HierarchyIndex index, OrgUnitId scope, BottomLineRules? bottomLine = null)
    {
        Preconditions.CheckNotNull(published);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckArgument(index.Contains(scope), nameof(scope), ErrorCodes.UnknownKey, $"{scope} is not in the hierarchy index as of {index.AsOf:yyyy-MM-dd}.");
        var inScope = new List<Ledger.PublishedMemberResult>();
        foreach (var line in published.Results)
        {
            if (index.IsWithinJurisdiction(scope, (NodeRef)line.Member))
            {
                inScope.Add(line);
            }
        }
        return RankPublished(published, CollectionsMarshal.AsSpan(inScope), scope, bottomLine ?? BottomLineRules.VetoOnly);
    }

    private static Ranking RankPublished(Ledger.PublishedResults published, ReadOnlySpan<Ledger.PublishedMemberResult> lines, OrgUnitId? scope, BottomLineRules rules)
    {
        int[] negative = NegativeItems(published, rules);
        bool hasFloor = rules.Floor.HasValue;
        long floor = rules.Floor.GetValueOrDefault().Units;
        int n = lines.Length;
        var entries = new Entry[n];
        long min = long.MaxValue, max = long.MinValue;
        bool idOrder = true;
        for (int i = 0; i < n; i++)
        {
            var line = lines[i];
            long score = line.Score.Units;
            idOrder &= i == 0 || lines[i - 1].Member.Value < line.Member.Value;
            min = Math.Min(min, score);
            max = Math.Max(max, score);
            var flags = BottomLineFlags.None;
            if (hasFloor && score < floor)
            {
                flags |= BottomLineFlags.BelowFloor;
            }
            if (line.Vetoed)
            {
                flags |= BottomLineFlags.Vetoed;
            }
            int hits = 0;
            if (negative.Length > 0)
            {
                var counts = line.ItemCounts;
                Preconditions.CheckArgument(counts.Length == published.ItemCodes.Length, nameof(published),
                    $"The line of {line.Member} in {published.Id} has {counts.Length} item counts for {published.ItemCodes.Length} items.");
                foreach (int item in negative)
                {
                    hits += counts[item];
                }
                if (hits > 0)
                {
                    flags |= BottomLineFlags.NegativeList;
                }
            }
            entries[i] = new Entry(score, line.Member.Value, line.Branch, flags, hits);
        }
        return Finish(published.Period, scope, entries, min, max, idOrder);
    }

    private static Ranking Finish(AssessmentPeriod period, OrgUnitId? scope, Entry[] entries, long min, long max, bool idOrder)
    {
        int n = entries.Length;
        int[] order = ListingOrder(entries, min, max, idOrder);
        var rows = new RankingRow[n];
        for (int p = 0; p < n;)
        {
            long score = entries[order[p]].Score;
            int q = p + 1;
            while (q < n && entries[order[q]].Score == score)
            {
                q++;
            }
            int below = n - q;
            for (int k = p; k < q; k++)
            {
                ref readonly var e = ref entries[order[k]];
                rows[k] = new RankingRow(new MemberId(e.Id), e.Branch, Points.FromUnits(score), p + 1, k + 1, below, n, e.Flags, e.Hits);
            }
            p = q;
        }
        return new Ranking(period, scope, ImmutableCollectionsMarshal.AsImmutableArray(rows));
    }

    /// <summary>The positions of the entries in listing order: score descending, then member id ascending.</summary>
    private static int[] ListingOrder(Entry[] entries, long min, long max, bool idOrder)
    {
        int n = entries.Length;
        var order = new int[n];
        if (n == 0)
        {
            return order;
        }
        long range = unchecked(max - min); // negative when the true range does not fit in a long
        int indexBits = BitLength((ulong)(n - 1));
        if (idOrder && range >= 0 && BitLength((ulong)range) + indexBits <= 63)
        {
            // The usual case: results list members in id order, so the position orders like the id. One long holds
            // (max − score) above the position; sorting the longs ascending gives score descending, then id ascending.
            var packed = new long[n];
            for (int i = 0; i < n; i++)
            {
                packed[i] = ((max - entries[i].Score) << indexBits) | (long)i;
            }
            RadixSort.Sort(packed, BitLength((ulong)range) + indexBits);
            long positionMask = (1L << indexBits) - 1;
            for (int i = 0; i < n; i++)
            {
                order[i] = (int)(packed[i] & positionMask);
            }
            return order;
        }
        var wide = new RankKey[n];
        for (int i = 0; i < n; i++)
        {
            wide[i] = new RankKey(entries[i].Score, entries[i].Id, i);
        }
        Array.Sort(wide);
        for (int i = 0; i < n; i++)
        {
            order[i] = wide[i].Index;
        }
        return order;
    }

    private static int BitLength(ulong value) => 64 - System.Numerics.BitOperations.LeadingZeroCount(value);

    /// <summary>The end (exclusive) of the run of keys tied on score that starts at <paramref name="start"/>.</summary>
    private static int TieEnd(RankKey[] keys, int start)
    {
        long score = keys[start].Score;
        int end = start + 1;
        while (end < keys.Length && keys[end].Score == score)
        {
            end++;
        }
        return end;
    }

    private static int[] NegativeItems(RuleBook book, BottomLineRules rules)
    {
        var codes = rules.NegativeListItems ?? [];
        if (codes.Count == 0)
        {
            return [];
        }
        var items = new SortedSet<int>();
        foreach (var code in codes)
        {
            Preconditions.CheckArgument(code is not null && book.HasItem(code), "bottomLine",
                $"The negative list names item '{code}', which the rule book '{book.Id}' does not define.");
            items.Add(book.IndexOfItem(code));
        }
        return [.. items];
    }

    private static int[] NegativeItems(Ledger.PublishedResults published, BottomLineRules rules)
    {
        var codes = rules.NegativeListItems ?? [];
        if (codes.Count == 0)
        {
            return [];
        }
        Preconditions.CheckArgument(published.ItemCodes.Length > 0, "bottomLine",
            $"{published.Id} was published before published lines kept their item counts, so a negative list cannot be read from it; revise the publication.");
        var items = new SortedSet<int>();
        foreach (var code in codes)
        {
            int position = code is null ? -1 : published.ItemCodes.IndexOf(code);
            Preconditions.CheckArgument(position >= 0, "bottomLine",
                $"The negative list names item '{code}', which the rule book '{published.Id.RuleBookId}' of {published.Id} does not define.");
            items.Add(position);
        }
        return [.. items];
    }

    /// <summary>sum / count rounded half away from zero, in units; zero for no members.</summary>
    private static long Mean(long sum, int count)
    {
        if (count == 0)
        {
            return 0;
        }
        long quotient = Math.DivRem(sum, count, out long remainder);
        if (Math.Abs(remainder) * 2 >= count)
        {
            quotient += Math.Sign(sum);
        }
        return quotient;
    }

    /// <summary>What a ranking row needs of one member.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly struct Entry(long score, int id, OrgUnitId branch, BottomLineFlags flags, int hits)
    {
        public readonly long Score = score;
        public readonly int Id = id;
        public readonly OrgUnitId Branch = branch;
        public readonly BottomLineFlags Flags = flags;
        public readonly int Hits = hits;
    }

    /// <summary>A sort key: score descending, then id ascending; the index points back at the input.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly struct RankKey(long score, int id, int index) : IComparable<RankKey>
    {
        public readonly long Score = score;
        public readonly int Id = id;
        public readonly int Index = index;

        public int CompareTo(RankKey other)
        {
            if (Score != other.Score)
            {
                return Score > other.Score ? -1 : 1;
            }
            return Id.CompareTo(other.Id);
        }
    }
}
