using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Stars;

namespace GridGovernance.Scoring.WhatIf;

/// <summary>
/// What-if (规则修订预演): a proposed rule book (积分细则) against the current one on the same, frozen ledger of a period —
/// who would move up or down, whose stars would change, who would cross the bottom line (底线管理), and how the weight of
/// each category would shift, before the revision is adopted.
/// </summary>
/// <remarks>
/// <para>
/// Both books assess the same roster and entries with the <see cref="AssessmentEngine"/>; members are ranked over the
/// whole roster with <see cref="RankingBoard"/> and given stars with <see cref="StarCalculator"/>, each under its own
/// book, with one <see cref="BottomLineRules"/> for both (a negative-list code that one book lacks counts for the other
/// only). Pure and deterministic: the same inputs in any order give the same comparison, a book compared with itself
/// changes nobody, and comparing B with A gives every difference of A with B negated.
/// </para>
/// <para>
/// Entries are resolved against the current book (item and tier positions, discretionary values, as the ledger export
/// gives them). Under the proposed book an entry keeps its item by code and its tier by code (in the versions in force
/// on its day); entries of items the proposed book drops do not count there (<see cref="EntriesOfDroppedItems"/>),
/// and an entry whose tier the proposed book lacks is ignored by the engine. When the proposed book keeps the current
/// one's item and tier positions (the usual revision: other points, caps or bands) the ledger is assessed as it is;
/// otherwise it is laid out again, which costs a pass over it.
/// </para>
/// </remarks>
[Immutable]
public sealed class RuleBookComparison
{
    private readonly ImmutableArray<MemberChange> members;

    private RuleBookComparison(AssessmentResult before, AssessmentResult after, ImmutableArray<MemberChange> members, ImmutableArray<CategoryShift> categories,
        ImmutableArray<StarCountShift> stars, int entriesOfDroppedItems)
    {
        Current = before.RuleBook;
        Proposed = after.RuleBook;
        Period = before.Period;
        Before = before;
        After = after;
        this.members = members;
        Categories = categories;
        StarDistribution = stars;
        EntriesOfDroppedItems = entriesOfDroppedItems;
        var changes = ImmutableArray.CreateBuilder<MemberChange>();
        foreach (var m in members)
        {
            if (m.IsChanged)
            {
                changes.Add(m);
            }
            int sign = m.ScoreAfter.CompareTo(m.ScoreBefore);
            MembersUp += sign > 0 ? 1 : 0;
            MembersDown += sign < 0 ? 1 : 0;
            RankUp += m.RankMove > 0 ? 1 : 0;
            RankDown += m.RankMove < 0 ? 1 : 0;
            MembersGainingStars += m.StarDelta > 0 ? 1 : 0;
            MembersLosingStars += m.StarDelta < 0 ? 1 : 0;
            StarsBefore += m.StarsBefore;
            StarsAfter += m.StarsAfter;
            CrossingsInto += m.Crossing == BottomLineCrossing.Into ? 1 : 0;
            CrossingsOutOf += m.Crossing == BottomLineCrossing.OutOf ? 1 : 0;
        }
        Changes = changes.ToImmutable();
    }

    /// <summary>The rule book in force.</summary>
    public RuleBook Current { get; }

    /// <summary>The proposed rule book.</summary>
    public RuleBook Proposed { get; }

    /// <summary>The period whose ledger both books assess.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>The assessment under the current rule book.</summary>
    public AssessmentResult Before { get; }

    /// <summary>The assessment under the proposed rule book.</summary>
    public AssessmentResult After { get; }

    /// <summary>Every member of the roster, changed or not, in member id order.</summary>
    public ImmutableArray<MemberChange> Members => members;

    /// <summary>The members whose score, rank, stars or bottom-line flags change, in member id order; empty when nothing changes.</summary>
    public ImmutableArray<MemberChange> Changes { get; }

    /// <summary>Every category of either book (the current book's first, in its order, then the proposed book's new ones).</summary>
    public ImmutableArray<CategoryShift> Categories { get; }

    /// <summary>How many members hold each star total before and after, by star total ascending (totals nobody holds left out).</summary>
    public ImmutableArray<StarCountShift> StarDistribution { get; }

    /// <summary>Entries of items the proposed rule book does not have (they count under the current book only).</summary>
    public int EntriesOfDroppedItems { get; }

    /// <summary>Members whose score rises.</summary>
    public int MembersUp { get; }

    /// <summary>Members whose score falls.</summary>
    public int MembersDown { get; }

    /// <summary>Members whose score stays the same (their rank may still move).</summary>
    public int MembersUnchanged => members.Length - MembersUp - MembersDown;

    /// <summary>Members whose competition rank improves.</summary>
    public int RankUp { get; }

    /// <summary>Members whose competition rank worsens.</summary>
    public int RankDown { get; }

    /// <summary>Members who gain stars.</summary>
    public int MembersGainingStars { get; }

    /// <summary>Members who lose stars.</summary>
    public int MembersLosingStars { get; }

    /// <summary>The roster's stars under the current rule book.</summary>
    public long StarsBefore { get; }

    /// <summary>The roster's stars under the proposed rule book.</summary>
    public long StarsAfter { get; }

    /// <summary>Members flagged under the proposed book who were not under the current one (fall below the bottom line).</summary>
    public int CrossingsInto { get; }

    /// <summary>Members flagged under the current book who are not under the proposed one.</summary>
    public int CrossingsOutOf { get; }

    /// <summary>Finds a member's line.</summary>
    /// <param name="member">The member.</param>
    /// <param name="change">The member's line, when on the roster.</param>
    /// <returns>Whether the member is on the roster.</returns>
    public bool TryFind(MemberId member, out MemberChange change)
    {
        int lo = 0, hi = members.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = members[mid].Member.Value.CompareTo(member.Value);
            if (c == 0)
            {
                change = members[mid];
                return true;
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        change = default;
        return false;
    }

    /// <summary>A member's line.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="KeyNotFoundException">The member is not on the roster (the .NET convention for an indexer; <see cref="TryFind"/> does not throw).</exception>
    public MemberChange this[MemberId member] =>
        TryFind(member, out var change) ? change : throw new KeyNotFoundException($"{member} is not on the compared roster.");

    /// <summary>Compares two rule books on a period's entries.</summary>
    /// <param name="current">The rule book in force; the entries name its items and tiers by position.</param>
    /// <param name="proposed">The proposed rule book.</param>
    /// <param name="period">The period (normally a frozen one).</param>
    /// <param name="roster">The members; each once.</param>
    /// <param name="entries">Approved, effective entries, resolved against <paramref name="current"/>.</param>
    /// <param name="bottomLine">The floor and negative list for both books; <c>null</c> flags vetoed members only.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="GridGovernanceValidationException">What <see cref="AssessmentEngine"/> refuses (a member twice on the roster, an unknown item position …).</exception>
    public static RuleBookComparison Compare(RuleBook current, RuleBook proposed, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster,
        ReadOnlySpan<AssessmentEntry> entries, BottomLineRules? bottomLine = null)
    {
        CheckArguments(current, proposed, period, roster);
        var before = AssessmentEngine.Assess(current, period, roster, entries);
        var mapping = ItemMapping.Create(current, proposed, period);
        if (mapping.IsIdentity)
        {
            return Build(before, AssessmentEngine.Assess(proposed, period, roster, entries), bottomLine, 0);
        }
        var mapped = Map(mapping, entries, out int dropped);
        return Build(before, AssessmentEngine.Assess(proposed, period, roster, mapped), bottomLine, dropped);
    }

    /// <summary>
    /// Compares two rule books on a city's ledger laid out for assessment: the same comparison as
    /// <see cref="Compare(RuleBook, RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, ReadOnlySpan{AssessmentEntry}, BottomLineRules?)"/>
    /// on the same entries, each book assessed in the engine's columnar pass.
    /// </summary>
    /// <param name="current">The rule book in force; the ledger names its items and tiers by position (an export under it).</param>
    /// <param name="proposed">The proposed rule book.</param>
    /// <param name="period">The period (normally a frozen one).</param>
    /// <param name="roster">The members; each once.</param>
    /// <param name="ledger">The period's ledger, resolved against <paramref name="current"/>.</param>
    /// <param name="bottomLine">The floor and negative list for both books; <c>null</c> flags vetoed members only.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="GridGovernanceValidationException">What <see cref="AssessmentEngine"/> refuses.</exception>
    public static RuleBookComparison Compare(RuleBook current, RuleBook proposed, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster,
        AssessmentEntryColumns ledger, BottomLineRules? bottomLine = null)
    {
        CheckArguments(current, proposed, period, roster);
        Preconditions.CheckNotNull(ledger);
        var before = AssessmentEngine.Assess(current, period, roster, ledger);
        var mapping = ItemMapping.Create(current, proposed, period);
        if (mapping.IsIdentity)
        {
            return Build(before, AssessmentEngine.Assess(proposed, period, roster, ledger), bottomLine, 0);
        }
        var mapped = Map(mapping, ledger.ToArray(), out int dropped);
        return Build(before, AssessmentEngine.Assess(proposed, period, roster, AssessmentEntryColumns.From(mapped)), bottomLine, dropped);
    }

    /// <summary>
    /// Compares two assessments of the same roster and period already made (for example the current book's result kept
    /// from the assessment that was published, and the proposed book's).
    /// </summary>
    /// <param name="before">The assessment under the current rule book.</param>
    /// <param name="after">The assessment under the proposed rule book.</param>
    /// <param name="bottomLine">The floor and negative list for both books; <c>null</c> flags vetoed members only.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="GridGovernanceValidationException">The two results are not of the same period or the same roster.</exception>
    public static RuleBookComparison Compare(AssessmentResult before, AssessmentResult after, BottomLineRules? bottomLine = null)
    {
        Preconditions.CheckNotNull(before);
        Preconditions.CheckNotNull(after);
        var problems = new List<ValidationProblem>();
        if (before.Period != after.Period)
        {
            problems.Add(new ValidationProblem(nameof(after), null, "same-period", $"The results are of periods {before.Period.Label} and {after.Period.Label}; a what-if compares one period."));
        }
        if (before.Count != after.Count)
        {
            problems.Add(new ValidationProblem(nameof(after), null, "same-roster", $"The results have {before.Count} and {after.Count} members; a what-if compares one roster."));
        }
        else
        {
            for (int i = 0; i < before.Count; i++)
            {
                if (before.Members[i].Member != after.Members[i].Member)
                {
                    problems.Add(new ValidationProblem(nameof(after), before.Members[i].Member.ToString(), "same-roster",
                        $"{before.Members[i].Member} is assessed in one result only; a what-if compares one roster."));
                    break;
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The what-if comparison", problems);
        }
        return Build(before, after, bottomLine, 0);
    }

    private static void CheckArguments(RuleBook current, RuleBook proposed, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster)
    {
        Preconditions.CheckNotNull(current);
        Preconditions.CheckNotNull(proposed);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(roster);
    }

    private static AssessmentEntry[] Map(ItemMapping mapping, ReadOnlySpan<AssessmentEntry> entries, out int dropped)
    {
        var mapped = new AssessmentEntry[entries.Length];
        int kept = 0;
        foreach (ref readonly var e in entries)
        {
            if (mapping.TryMap(in e, out mapped[kept]))
            {
                kept++;
            }
        }
        dropped = entries.Length - kept;
        Array.Resize(ref mapped, kept);
        return mapped;
    }

    private static RuleBookComparison Build(AssessmentResult before, AssessmentResult after, BottomLineRules? bottomLine, int dropped)
    {
        var rules = bottomLine ?? BottomLineRules.VetoOnly;
        var rankBefore = Ranks(before, RulesFor(before.RuleBook, rules), out var flagsBefore);
        var rankAfter = Ranks(after, RulesFor(after.RuleBook, rules), out var flagsAfter);
        var starsBefore = StarCalculator.For(before);
        var starsAfter = StarCalculator.For(after);
        int n = before.Count;
        var lines = new MemberChange[n];
        var distribution = new Dictionary<int, (int Before, int After)>();
        for (int i = 0; i < n; i++)
        {
            var b = before.Members[i];
            var a = after.Members[i];
            int sb = starsBefore[i].Total, sa = starsAfter[i].Total;
            lines[i] = new MemberChange(b.Member, b.Subject.Branch, b.Score, a.Score, rankBefore[i], rankAfter[i], sb, sa, flagsBefore[i], flagsAfter[i]);
            CollectionsMarshal.GetValueRefOrAddDefault(distribution, sb, out _).Before++;
            CollectionsMarshal.GetValueRefOrAddDefault(distribution, sa, out _).After++;
        }
        var stars = distribution.OrderBy(kv => kv.Key).Select(kv => new StarCountShift(kv.Key, kv.Value.Before, kv.Value.After)).ToImmutableArray();
        return new RuleBookComparison(before, after, ImmutableCollectionsMarshal.AsImmutableArray(lines), Shares(before, after), stars, dropped);
    }

    /// <summary>Each member's competition rank and flags, by result row (id order).</summary>
    private static int[] Ranks(AssessmentResult result, BottomLineRules rules, out BottomLineFlags[] flags)
    {
        var ranking = RankingBoard.Rank(result, rules);
        int n = result.Count;
        var ids = new int[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = result.Members[i].Member.Value;
        }
        var ranks = new int[n];
        flags = new BottomLineFlags[n];
        foreach (var row in ranking.Rows)
        {
            int i = Array.BinarySearch(ids, row.Member.Value);
            ranks[i] = row.Rank;
            flags[i] = row.Flags;
        }
        return ranks;
    }

    /// <summary>The bottom line with the negative-list codes this book has.</summary>
    private static BottomLineRules RulesFor(RuleBook book, BottomLineRules rules)
    {
        var codes = rules.NegativeListItems ?? [];
        if (codes.All(c => c is not null && book.HasItem(c)))
        {
            return rules;
        }
        return rules with { NegativeListItems = [.. codes.Where(c => c is not null && book.HasItem(c))] };
    }

    private static ImmutableArray<CategoryShift> Shares(AssessmentResult before, AssessmentResult after)
    {
        var totalsBefore = CategorySums(before);
        var totalsAfter = CategorySums(after);
        var codes = before.RuleBook.Categories.Select(c => c.Code)
            .Concat(after.RuleBook.Categories.Select(c => c.Code).Where(c => !before.RuleBook.Categories.Any(b => b.Code == c)))
            .ToArray();
        decimal absBefore = totalsBefore.Values.Sum(v => Math.Abs((decimal)v));
        decimal absAfter = totalsAfter.Values.Sum(v => Math.Abs((decimal)v));
        var shifts = new CategoryShift[codes.Length];
        for (int c = 0; c < codes.Length; c++)
        {
            long tb = totalsBefore.GetValueOrDefault(codes[c]);
            long ta = totalsAfter.GetValueOrDefault(codes[c]);
            shifts[c] = new CategoryShift(codes[c], Points.FromUnits(tb), Points.FromUnits(ta),
                absBefore == 0 ? 0m : Math.Abs((decimal)tb) / absBefore, absAfter == 0 ? 0m : Math.Abs((decimal)ta) / absAfter);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(shifts);
    }

    private static Dictionary<string, long> CategorySums(AssessmentResult result)
    {
        var categories = result.RuleBook.Categories;
        var sums = new long[categories.Length];
        foreach (var member in result.Members)
        {
            for (int c = 0; c < sums.Length; c++)
            {
                sums[c] = checked(sums[c] + member.CategoryTotal(c).Units);
            }
        }
        var byCode = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int c = 0; c < sums.Length; c++)
        {
            byCode[categories[c].Code] = sums[c];
        }
        return byCode;
    }
}
