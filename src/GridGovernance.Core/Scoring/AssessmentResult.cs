using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Engine;

namespace GridGovernance.Scoring;

/// <summary>The result of assessing a roster over a period: one <see cref="MemberAssessment"/> per member, in id order.</summary>
[Immutable]
public sealed class AssessmentResult
{
    // A bulk assessment keeps its results in columns and makes the member views on first use; a live one hands over
    // the views it has.
    private readonly ResultColumns? columns;
    private ImmutableArray<MemberAssessment> members;

    internal AssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ImmutableArray<MemberAssessment> members, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        RuleBook = ruleBook;
        Period = period;
        this.members = members;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
    }

    internal AssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ResultColumns columns, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        RuleBook = ruleBook;
        Period = period;
        this.columns = columns;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
    }

    /// <summary>The rule book used.</summary>
    public RuleBook RuleBook { get; }

    /// <summary>The period assessed.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Every member of the roster, in id order.</summary>
    public ImmutableArray<MemberAssessment> Members
    {
        get
        {
            if (members.IsDefault)
            {
                var views = new MemberAssessment[columns!.Rows];
                for (int i = 0; i < views.Length; i++)
                {
                    views[i] = new MemberAssessment(columns, i);
                }
                ImmutableInterlocked.InterlockedInitialize(ref members, ImmutableCollectionsMarshal.AsImmutableArray(views));
            }
            return members;
        }
    }

    /// <summary>The number of members assessed (as <c>Members.Length</c>).</summary>
    public int Count => columns?.Rows ?? members.Length;

    /// <summary>Entries whose occurrence date lies outside the period (skipped).</summary>
    public int EntriesOutsidePeriod { get; }

    /// <summary>Entries of members not on the roster (skipped).</summary>
    public int EntriesOfUnknownMembers { get; }

    /// <summary>A member's result.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="KeyNotFoundException">The member is not on the roster (the .NET convention for an indexer; <see cref="TryFind"/> does not throw).</exception>
    public MemberAssessment this[MemberId member] =>
        TryFind(member, out var result) ? result : throw new KeyNotFoundException($"{member} is not on the assessment roster.");

    /// <summary>Finds a member's result (members are in id order, so this is a binary search).</summary>
    /// <param name="member">The member.</param>
    /// <param name="result">The result, when found.</param>
    /// <returns><c>false</c> when the member is not on the roster.</returns>
    public bool TryFind(MemberId member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemberAssessment? result)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = (columns is not null ? columns.Subjects.IdValue(mid) : members[mid].Member.Value).CompareTo(member.Value);
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
