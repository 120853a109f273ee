using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Scoring;

namespace GridGovernance.Testing;

/// <summary>
/// Checks of a rule book's behaviour over every ledger: FsCheck properties that assess generated rosters and valid
/// ledgers (<see cref="LedgerArbitraries"/>) with <see cref="AssessmentEngine"/> and fail with the smallest ledger
/// that breaks the rule. Return one from an xunit <c>[Property]</c> method, or run it with
/// <c>Check.QuickThrowOnFailure(property)</c>.
/// </summary>
/// <example>
/// "This rule book never lets 学习教育 exceed 20 points":
/// <code>
/// [Property(MaxTest = 200)]
/// public Property Study_NeverExceedsTwenty() => RuleBookChecks.CategoryNeverExceeds(laiwu, "study", Points.From(20));
/// </code>
/// </example>
public static class RuleBookChecks
{
    /// <summary>
    /// A property that holds when no member's total in <paramref name="categoryCode"/> exceeds <paramref name="limit"/>
    /// over any ledger (the category's cap, deductions included, as <see cref="MemberAssessment.CategoryTotals"/> reports it).
    /// </summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="categoryCode">The category, e.g. <c>study</c>.</param>
    /// <param name="limit">The most a member may have in it.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    /// <exception cref="GridGovernanceValidationException">The book has no such category (<c>input.unknown-key</c>).</exception>
    public static Property CategoryNeverExceeds(RuleBook ruleBook, string categoryCode, Points limit, AssessmentPeriod? period = null)
    {
        int category = Preconditions(ruleBook).IndexOfCategory(categoryCode);
        return ForAllLedgers(ruleBook, result => result.Members.All(m => m.CategoryTotal(category) <= limit), period, ItemsOf(ruleBook, category))
            .Label($"category '{categoryCode}' never above {limit}");
    }

    /// <summary>A property that holds when no member's total in <paramref name="categoryCode"/> falls below <paramref name="floor"/> over any ledger.</summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="categoryCode">The category.</param>
    /// <param name="floor">The least a member may have in it.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    /// <exception cref="GridGovernanceValidationException">The book has no such category (<c>input.unknown-key</c>).</exception>
    public static Property CategoryNeverBelow(RuleBook ruleBook, string categoryCode, Points floor, AssessmentPeriod? period = null)
    {
        int category = Preconditions(ruleBook).IndexOfCategory(categoryCode);
        return ForAllLedgers(ruleBook, result => result.Members.All(m => m.CategoryTotal(category) >= floor), period, ItemsOf(ruleBook, category))
            .Label($"category '{categoryCode}' never below {floor}");
    }

    /// <summary>A property that holds when no member's score (after multipliers) exceeds <paramref name="limit"/> over any ledger.</summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="limit">The most score a member may have.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    public static Property ScoreNeverExceeds(RuleBook ruleBook, Points limit, AssessmentPeriod? period = null) =>
        ForAllLedgers(Preconditions(ruleBook), result => result.Members.All(m => m.Score <= limit), period)
            .Label($"score never above {limit}");

    /// <summary>
    /// The general form: a property that holds when <paramref name="rule"/> is true of the assessment of every
    /// generated roster and valid ledger for <paramref name="ruleBook"/>.
    /// </summary>
    /// <remarks>
    /// Two in three rosters have one member, so that entries pile up on someone and caps and thresholds are reached;
    /// the others have up to a dozen members of every kind. With <paramref name="focusItems"/>, three in four ledgers
    /// draw only from a random non-empty part of those items (the category checks focus on the category's items, so
    /// some ledgers hold only its awards); the rest draw from the whole book.
    /// </remarks>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="rule">What must hold of each assessment.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    /// <param name="focusItems">Item codes most ledgers draw from, or <c>null</c> for the whole book.</param>
    public static Property ForAllLedgers(RuleBook ruleBook, Func<AssessmentResult, bool> rule, AssessmentPeriod? period = null, IReadOnlyCollection<string>? focusItems = null)
    {
        Preconditions(ruleBook);
        ArgumentNullException.ThrowIfNull(rule);
        var p = period ?? DefaultPeriod(ruleBook);
        var rosters = Gen.Frequency((2, RosterArbitraries.SubjectsGen().Select(s => s[..1])), (1, RosterArbitraries.SubjectsGen()));
        // A random non-empty part of the focus, so that some ledgers hold only awards (or only deductions) of it.
        var focus = focusItems is null || focusItems.Count == 0 ? null : Gen.SubListOf(focusItems.ToArray()).Where(items => items.Count > 0);
        var generated = from roster in rosters
                        from entries in focus is null
                            ? LedgerArbitraries.LedgerGen(ruleBook, p, roster)
                            : Gen.Frequency(
                                (1, LedgerArbitraries.LedgerGen(ruleBook, p, roster)),
                                (3, focus.SelectMany(items => LedgerArbitraries.LedgerGen(ruleBook, p, roster, items))))
                        select new ScoringScenario(ruleBook, p, roster, entries);
        var scenarios = Arb.From(generated, LedgerArbitraries.ShrinkScenario);
        return Prop.ForAll(scenarios, scenario =>
        {
            var result = AssessmentEngine.Assess(scenario.RuleBook, scenario.Period, scenario.Roster, scenario.Entries);
            return rule(result);
        });
    }

    /// <summary>The calendar year of the book's earliest item version (the year the book starts).</summary>
    /// <param name="ruleBook">The rule book.</param>
    public static AssessmentPeriod DefaultPeriod(RuleBook ruleBook)
    {
        Preconditions(ruleBook);
        var first = ruleBook.Items.SelectMany(i => i.Versions).Select(v => v.EffectiveFrom).DefaultIfEmpty(new NodaTime.LocalDate(RuleBookArbitraries.Year, 1, 1)).Min();
        return AssessmentPeriod.Year(first.Year);
    }

    private static string[] ItemsOf(RuleBook ruleBook, int category) =>
        [.. ruleBook.Items.Where((_, i) => ruleBook.ItemCategories[i] == category).Select(item => item.Code)];

    private static RuleBook Preconditions(RuleBook ruleBook)
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        return ruleBook;
    }
}
