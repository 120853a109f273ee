using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>One member's result for a period (量化考核结果).</summary>
[Immutable]
public sealed class MemberAssessment
{
    // The per-item counts and per-category totals live in blocks shared by every member of one assessment (one
    // allocation for the roster instead of two a member); the immutable arrays are made on first use.
    private readonly int[] countsBlock;
    private readonly int countsOffset;
    private readonly int itemCount;
    private readonly Points[] totalsBlock;
    private readonly int totalsOffset;
    private readonly int categoryCount;
    private ImmutableArray<int> itemCounts;
    private ImmutableArray<Points> categoryTotals;

    internal MemberAssessment(AssessmentSubject subject, Points[] totalsBlock, int totalsOffset, int categoryCount, int[] countsBlock, int countsOffset, int itemCount,
        Points awarded, Points deducted, Points clipped, Points score, bool vetoed, int ignoredEntries)
    {
        Subject = subject;
        this.totalsBlock = totalsBlock;
        this.totalsOffset = totalsOffset;
        this.categoryCount = categoryCount;
        this.countsBlock = countsBlock;
        this.countsOffset = countsOffset;
        this.itemCount = itemCount;
        Awarded = awarded;
        Deducted = deducted;
        Clipped = clipped;
        Score = score;
        Vetoed = vetoed;
        IgnoredEntries = ignoredEntries;
    }

    /// <summary>The member and their kind, branch and multiplier.</summary>
    public AssessmentSubject Subject { get; }

    /// <summary>The member.</summary>
    public MemberId Member => Subject.Member;

    /// <summary>Each category's total after caps, deductions included, in rule-book category order.</summary>
    public ImmutableArray<Points> CategoryTotals
    {
        get
        {
            var totals = categoryTotals;
            if (totals.IsDefault)
            {
                // A race makes two equal arrays; either is right.
                totals = categoryTotals = ImmutableArray.Create(totalsBlock, totalsOffset, categoryCount);
            }
            return totals;
        }
    }

    /// <summary>Counted occurrences of each item, in rule-book item order (a capped award still counts as an occurrence).</summary>
    public ImmutableArray<int> ItemCounts
    {
        get
        {
            var counts = itemCounts;
            if (counts.IsDefault)
            {
                counts = itemCounts = ImmutableArray.Create(countsBlock, countsOffset, itemCount);
            }
            return counts;
        }
    }

    /// <summary>Counted occurrences of the item at position <paramref name="item"/> (as <see cref="ItemCounts"/>, without making the array).</summary>
    /// <param name="item">The item's position in the rule book.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no item at that position.</exception>
    public int ItemCount(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)itemCount, nameof(item));
        return countsBlock[countsOffset + item];
    }

    /// <summary>The total of the category at position <paramref name="category"/> (as <see cref="CategoryTotals"/>, without making the array).</summary>
    /// <param name="category">The category's position in the rule book.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no category at that position.</exception>
    public Points CategoryTotal(int category)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)category, (uint)categoryCount, nameof(category));
        return totalsBlock[totalsOffset + category];
    }

    /// <summary>Points awarded after caps.</summary>
    public Points Awarded { get; }

    /// <summary>Points deducted (zero or negative), threshold penalties included.</summary>
    public Points Deducted { get; }

    /// <summary>Awards lost to caps (zero or positive): what a member sees as "clipped".</summary>
    public Points Clipped { get; }

    /// <summary>The sum of the category totals.</summary>
    public Points Total => Awarded + Deducted;

    /// <summary>The total times the kind multiplier and the member's own multiplier.</summary>
    public Points Score { get; }

    /// <summary>Whether a veto item (否决) occurred: not eligible for 优秀, stars capped.</summary>
    public bool Vetoed { get; }

    /// <summary>Entries that did not count: the member's kind is not eligible, no version was in force, a bad tier, or an item the engine computes itself.</summary>
    public int IgnoredEntries { get; }
}

/// <summary>The result of assessing a roster over a period: one <see cref="MemberAssessment"/> per member, in id order.</summary>
[Immutable]
public sealed class AssessmentResult
{
    internal AssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ImmutableArray<MemberAssessment> members, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        RuleBook = ruleBook;
        Period = period;
        Members = members;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
    }

    /// <summary>The rule book used.</summary>
    public RuleBook RuleBook { get; }

    /// <summary>The period assessed.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Every member of the roster, in id order.</summary>
    public ImmutableArray<MemberAssessment> Members { get; }

    /// <summary>Entries whose occurrence date lies outside the period (skipped).</summary>
    public int EntriesOutsidePeriod { get; }

    /// <summary>Entries of members not on the roster (skipped).</summary>
    public int EntriesOfUnknownMembers { get; }

    /// <summary>A member's result.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="ArgumentException">The member is not on the roster.</exception>
    public MemberAssessment this[MemberId member] =>
        TryFind(member, out var result) ? result : throw new ArgumentException($"{member} is not on the assessment roster.", nameof(member));

    /// <summary>Finds a member's result (members are in id order, so this is a binary search).</summary>
    /// <param name="member">The member.</param>
    /// <param name="result">The result, when found.</param>
    /// <returns><c>false</c> when the member is not on the roster.</returns>
    public bool TryFind(MemberId member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemberAssessment? result)
    {
        int lo = 0, hi = Members.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = Members[mid].Member.Value.CompareTo(member.Value);
            if (c == 0)
            {
                result = Members[mid];
                return true;
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        result = null;
        return false;
    }

    /// <summary>A category's total for a member.</summary>
    /// <param name="member">The member.</param>
    /// <param name="category">The category code.</param>
    public Points CategoryTotal(MemberId member, string category) => this[member].CategoryTotals[RuleBook.IndexOfCategory(category)];

    /// <summary>Sums members' scores per unit over the hierarchy (each unit gets the scores of every member under it).</summary>
    /// <param name="index">The hierarchy as of the period's end.</param>
    public SubtreeRollup ScoresByUnit(HierarchyIndex index)
    {
        Preconditions.CheckNotNull(index);
        return index.RollUp(n => n.Kind == NodeKind.Member && TryFind(n.AsMember(), out var m) ? m.Score.Units : 0);
    }
}
