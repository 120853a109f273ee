using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>One member's result for a period (量化考核结果).</summary>
[Immutable]
public sealed class MemberAssessment
{
    internal MemberAssessment(AssessmentSubject subject, ImmutableArray<Points> categoryTotals, ImmutableArray<int> itemCounts, Points awarded, Points deducted, Points clipped, Points score, bool vetoed, int ignoredEntries)
    {
        Subject = subject;
        CategoryTotals = categoryTotals;
        ItemCounts = itemCounts;
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
    public ImmutableArray<Points> CategoryTotals { get; }

    /// <summary>Counted occurrences of each item, in rule-book item order (a capped award still counts as an occurrence).</summary>
    public ImmutableArray<int> ItemCounts { get; }

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
