using System.Runtime.InteropServices;
using GridGovernance.Scoring.Engine;

namespace GridGovernance.Scoring;

/// <summary>
/// An assessment kept up to date entry by entry, for dashboards and "my points so far" views: adding an entry
/// is O(1) (well under a microsecond), and a member's result is recomputed only when asked for.
/// Gives exactly what <see cref="AssessmentEngine.Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, ReadOnlySpan{AssessmentEntry})"/> gives for the same entries.
/// </summary>
/// <remarks>Not thread-safe: one writer at a time (wrap it in a lock if several threads add entries).</remarks>
[Mutable]
public sealed class LiveAssessment
{
    private readonly CompiledRuleBook compiled;
    private readonly Tally tally;
    private readonly List<AssessmentEntry>[] entriesByMember;
    private readonly MemberAssessment?[] results;

    /// <summary>Starts a live assessment, optionally with the entries recorded so far.</summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="entries">Entries recorded so far (approved, effective).</param>
    public LiveAssessment(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, ReadOnlySpan<AssessmentEntry> entries = default)
    {
        compiled = new CompiledRuleBook(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), Preconditions.CheckNotNull(roster));
        tally = new Tally(compiled);
        entriesByMember = new List<AssessmentEntry>[compiled.Members.Count];
        results = new MemberAssessment?[compiled.Members.Count];
        foreach (var entry in entries)
        {
            Add(in entry);
        }
    }

    /// <summary>Entries added whose date lies outside the period (skipped).</summary>
    public int EntriesOutsidePeriod { get; private set; }

    /// <summary>Entries added for members not on the roster (skipped).</summary>
    public int EntriesOfUnknownMembers { get; private set; }

    /// <summary>Adds one approved entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><c>false</c> when it lies outside the period or its member is not on the roster.</returns>
    /// <exception cref="GridGovernanceValidationException">The entry names an item position the rule book does not have.</exception>
    public bool Add(in AssessmentEntry entry)
    {
        switch (EntryPass.Accumulate(compiled, tally, in entry, out int m))
        {
            case AddOutcome.OutsidePeriod:
                EntriesOutsidePeriod++;
                return false;
            case AddOutcome.UnknownMember:
                EntriesOfUnknownMembers++;
                return false;
        }
        (entriesByMember[m] ??= []).Add(entry);
        results[m] = null;
        return true;
    }

    /// <summary>A member's result as of the entries added so far.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="GridGovernanceValidationException">The member is not on the roster.</exception>
    public MemberAssessment this[MemberId member]
    {
        get
        {
            int m = compiled.MemberIndex(member);
            Preconditions.CheckArgument(m >= 0, nameof(member), $"{member} is not on the assessment roster.");
            return ResultOf(m);
        }
    }

    /// <summary>The whole result as of the entries added so far.</summary>
    public AssessmentResult ToResult()
    {
        var all = new MemberAssessment[compiled.Members.Count];
        for (int m = 0; m < all.Length; m++)
        {
            all[m] = ResultOf(m);
        }
        return new AssessmentResult(compiled.Book, compiled.Period, ImmutableCollectionsMarshal.AsImmutableArray(all), EntriesOutsidePeriod, EntriesOfUnknownMembers);
    }

    private MemberAssessment ResultOf(int m)
    {
        if (results[m] is { } known)
        {
            return known;
        }
        var row = compiled.NewResults(m);
        if (!compiled.Finish(m, tally.Row(m), tally, row, 0))
        {
            ReferenceReplay.Simulate(compiled, m, [.. entriesByMember[m] ?? []], outcomes: null, row, 0);
        }
        return results[m] = new MemberAssessment(row, 0);
    }
}
