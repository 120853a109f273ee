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
    /// <exception cref="ArgumentException">The book has no such category.</exception>
    public static Property CategoryNeverExceeds(RuleBook ruleBook, string categoryCode, Points limit, AssessmentPeriod? period = null)
    {
        int category = Preconditions(ruleBook).IndexOfCategory(categoryCode);
        return ForAllLedgers(ruleBook, result => result.Members.All(m => m.CategoryTotal(category) <= limit), period)
            .Label($"category '{categoryCode}' never above {limit}");
    }

    /// <summary>A property that holds when no member's total in <paramref name="categoryCode"/> falls below <paramref name="floor"/> over any ledger.</summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="categoryCode">The category.</param>
    /// <param name="floor">The least a member may have in it.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    /// <exception cref="ArgumentException">The book has no such category.</exception>
    public static Property CategoryNeverBelow(RuleBook ruleBook, string categoryCode, Points floor, AssessmentPeriod? period = null)
    {
        int category = Preconditions(ruleBook).IndexOfCategory(categoryCode);
        return ForAllLedgers(ruleBook, result => result.Members.All(m => m.CategoryTotal(category) >= floor), period)
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
    /// generated roster (one to a few members of every kind) and valid ledger for <paramref name="ruleBook"/>.
    /// </summary>
    /// <param name="ruleBook">The rule book.</param>
    /// <param name="rule">What must hold of each assessment.</param>
    /// <param name="period">The period; the calendar year of the book's earliest item version when <c>null</c>.</param>
    public static Property ForAllLedgers(RuleBook ruleBook, Func<AssessmentResult, bool> rule, AssessmentPeriod? period = null)
    {
        Preconditions(ruleBook);
        ArgumentNullException.ThrowIfNull(rule);
        var p = period ?? DefaultPeriod(ruleBook);
        var scenarios = Arb.From(LedgerArbitraries.ScenarioGen(Gen.Constant(ruleBook), p), LedgerArbitraries.ShrinkScenario);
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

    private static RuleBook Preconditions(RuleBook ruleBook)
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        return ruleBook;
    }
}
