using GridGovernance.Scoring.Engine;

namespace GridGovernance.Scoring;

/// <summary>
/// The assessment engine (量化考核): folds a period's approved ledger entries into each member's category
/// totals after caps, deductions, veto flags, counts and score. Pure and deterministic: the same rule book,
/// period, roster and entries give the same result whatever the order of the entries or the roster.
/// </summary>
/// <remarks>
/// <para>
/// Caps are applied in occurrence order: entries sorted by (occurrence date, sequence, item, value descending),
/// automatic grants first. For clip caps the totals do not depend on that order, so the engine sums in one
/// pass over the entries; only a member whose refuse-mode cap actually binds is replayed in order. Of the
/// occurrences of a once-per-period item, the one worth most counts (on a tie, the earliest), so with clip caps
/// adding an award never lowers a total; refuse caps are by nature not monotone (an earlier small award can
/// crowd out a later large one). Period-level
/// rules (caps, thresholds, grants) use the item version in force on the period's last day; the points of each
/// entry come from the version in force on its occurrence date.
/// </para>
/// <para><see cref="Explain"/> replays one member in order and says, entry by entry, what counted, what was
/// clipped and what was refused, and why.</para>
/// </remarks>
[Immutable]
public static class AssessmentEngine
{
    /// <summary>Assesses a roster over a period.</summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="entries">Approved, effective entries (reversed entries and reversals left out); entries outside the period or of members not on the roster are skipped and counted.</param>
    /// <returns>One result per member of the roster, in id order.</returns>
    /// <exception cref="GridGovernanceValidationException">A member is on the roster twice or a subject has no member or an undefined kind, or an entry names an
    /// item position the rule book does not have.</exception>
    /// <exception cref="GridGovernanceException">A member's points or occurrences of one item overflow the tally (code <c>value.overflow</c>).</exception>
    public static AssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, ReadOnlySpan<AssessmentEntry> entries)
    {
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.points.assessment");
        long started = GridGovernanceTelemetry.Start(GridGovernanceTelemetry.AssessmentDuration);
        var result = EntryPass.Assess(Compile(ruleBook, period, roster), entries);
        GridGovernanceTelemetry.Stop(GridGovernanceTelemetry.AssessmentDuration, started);
        return result;
    }

    /// <summary>
    /// Assesses a roster over a period from a ledger laid out for assessment: the same result as
    /// <see cref="Assess(RuleBook, AssessmentPeriod, IReadOnlyList{AssessmentSubject}, ReadOnlySpan{AssessmentEntry})"/>
    /// on the same entries, in one sequential pass with each member's tally in the cache.
    /// </summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members assessed; each member once.</param>
    /// <param name="ledger">Approved, effective entries (reversed entries and reversals left out); entries outside the period or of members not on the roster are skipped and counted.</param>
    /// <returns>One result per member of the roster, in id order.</returns>
    /// <exception cref="GridGovernanceValidationException">A member is on the roster twice or a subject is invalid; an entry of a member on the roster, inside the
    /// period, names an item position the rule book does not have; or the rule book is beyond what a ledger can name (more than 65,536 items,
    /// or 65,535 item versions or more).</exception>
    /// <exception cref="GridGovernanceException">A member's points or occurrences of one item overflow the tally (code <c>value.overflow</c>).</exception>
    public static AssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, AssessmentEntryColumns ledger)
    {
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.points.assessment");
        long started = GridGovernanceTelemetry.Start(GridGovernanceTelemetry.AssessmentDuration);
        var compiled = Compile(ruleBook, period, roster);
        var result = ColumnPass.Assess(compiled, Preconditions.CheckNotNull(ledger));
        GridGovernanceTelemetry.Stop(GridGovernanceTelemetry.AssessmentDuration, started);
        return result;
    }

    /// <summary>
    /// Replays one member's entries in order and reports each entry's outcome: counted, clipped to a cap,
    /// refused by a cap or by a once-per-period rule, or ignored (and why). What a member sees as "caps they
    /// can see".
    /// </summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period.</param>
    /// <param name="subject">The member.</param>
    /// <param name="entries">Entries (other members' and other periods' are skipped).</param>
    /// <returns>The member's result and the outcome of each of their entries, in the order applied.</returns>
    public static MemberExplanation Explain(RuleBook ruleBook, AssessmentPeriod period, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries) =>
        ReferenceReplay.Explain(Compile(ruleBook, period, [subject]), subject, entries);

    private static CompiledRuleBook Compile(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster) =>
        new(Preconditions.CheckNotNull(ruleBook), Preconditions.CheckNotNull(period), Preconditions.CheckNotNull(roster));
}
