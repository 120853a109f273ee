using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck generators of ledgers (积分台账): approved entries, as the assessment engine reads them, that are valid
/// for a given rule book, roster and period. Every entry names a member of the roster, a declarable item of the book
/// (never an automatic grant or a threshold, which the engine computes itself) whose version is in force on the
/// occurrence date and for which the member's kind is eligible, a date inside the period, a value within the
/// version's range for a discretionary item and an existing tier for a tiered one; so the engine counts every one
/// (<see cref="MemberAssessment.IgnoredEntries"/> stays zero). Sequences are the entries' positions.
/// </summary>
/// <remarks>
/// For a whole scenario at once (a rule book from <see cref="RuleBookArbitraries"/>, a roster from
/// <see cref="RosterArbitraries"/> and a ledger over both), use <see cref="Scenario"/> with
/// <c>[Property(Arbitrary = new[] { typeof(LedgerArbitraries) })]</c> and a <see cref="ScoringScenario"/> parameter.
/// Ledgers shrink by dropping entries, and scenarios also by dropping members (with their entries).
/// </remarks>
public static class LedgerArbitraries
{
    /// <summary>Scenarios: a generated rule book, an assessment roster and a valid ledger of up to (size) entries over <see cref="RuleBookArbitraries.Period"/>.</summary>
    public static Arbitrary<ScoringScenario> Scenario() => Arb.From(ScenarioGen(RuleBookArbitraries.RuleBookGen()), ShrinkScenario);

    /// <summary>Scenarios over rule books from <paramref name="ruleBooks"/> (for example <see cref="RuleBookArbitraries.ClipOnlyRuleBookGen"/>, or one fixed book with <c>Gen.Constant</c>).</summary>
    /// <param name="ruleBooks">The rule books.</param>
    /// <param name="period">The period; <see cref="RuleBookArbitraries.Period"/> when <c>null</c>.</param>
    public static Gen<ScoringScenario> ScenarioGen(Gen<RuleBook> ruleBooks, AssessmentPeriod? period = null)
    {
        ArgumentNullException.ThrowIfNull(ruleBooks);
        var p = period ?? RuleBookArbitraries.Period;
        return from book in ruleBooks
               from roster in RosterArbitraries.SubjectsGen()
               from entries in LedgerGen(book, p, roster)
               select new ScoringScenario(book, p, roster, entries);
    }

    /// <summary>Valid ledgers for a book, roster and period, shrinking by dropping entries.</summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period the entries fall in.</param>
    /// <param name="roster">The members the entries belong to.</param>
    public static Arbitrary<AssessmentEntry[]> Ledger(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster) =>
        Arb.From(LedgerGen(ruleBook, period, roster), ShrinkEntries);

    /// <summary>
    /// The generator behind <see cref="Ledger"/>: up to (size) draws of a member, a day and an item; a draw for which
    /// no item is valid (no version in force yet, or the member's kind not eligible) is left out.
    /// </summary>
    /// <param name="ruleBook">The rules.</param>
    /// <param name="period">The period the entries fall in.</param>
    /// <param name="roster">The members the entries belong to; empty gives empty ledgers.</param>
    /// <param name="itemCodes">Draw only these items (for example one category's, to pile entries up in it), or <c>null</c> for all.</param>
    /// <exception cref="ArgumentException"><paramref name="itemCodes"/> names an item the book does not have.</exception>
    public static Gen<AssessmentEntry[]> LedgerGen(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, IReadOnlyCollection<string>? itemCodes = null)
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(roster);
        var drawn = itemCodes is null ? Enumerable.Range(0, ruleBook.Items.Length).ToArray() : [.. itemCodes.Select(ruleBook.IndexOfItem).Distinct().Order()];
        if (roster.Count == 0)
        {
            return Gen.Constant(Array.Empty<AssessmentEntry>());
        }
        int days = Period.DaysBetween(period.Start, period.End) + 1;
        var draw = from member in Gen.Choose(0, roster.Count - 1)
                   from day in Gen.Choose(0, days - 1)
                   from item in Gen.Choose(0, int.MaxValue - 1)
                   from value in Gen.Choose(0, int.MaxValue - 1)
                   from tier in Gen.Choose(0, int.MaxValue - 1)
                   from afterReminder in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
                   select (member, day, item, value, tier, afterReminder);
        return Gen.ListOf(draw).Select(draws =>
        {
            var entries = new List<AssessmentEntry>(draws.Count);
            foreach (var (member, day, pick, value, tier, afterReminder) in draws)
            {
                var subject = roster[member];
                var date = period.Start.PlusDays(day);
                var candidates = drawn
                    .Where(i => ruleBook.VersionOn(i, date) is { } v && IsDeclarable(v.Kind) && (v.EligibleKinds.Count == 0 || v.EligibleKinds.Contains(subject.Kind))
                                && (v.Kind != ItemKind.Tiered || v.Tiers.Count > 0))
                    .ToArray();
                if (candidates.Length == 0)
                {
                    continue;
                }
                int item = candidates[pick % candidates.Length];
                var version = ruleBook.VersionOn(item, date)!;
                entries.Add(new AssessmentEntry(subject.Member, item, date, entries.Count)
                {
                    Value = version.Kind == ItemKind.Discretionary ? ValueWithin(version.Minimum!.Value, version.Maximum!.Value, value) : default,
                    Tier = version.Kind == ItemKind.Tiered ? tier % version.Tiers.Count : 0,
                    AfterReminder = afterReminder,
                });
            }
            return entries.ToArray();
        });
    }

    /// <summary>
    /// The request that records <paramref name="entry"/> through <see cref="PointsLedgerService"/>: the item's code, the
    /// tier's code and the value where the item needs them, and an idempotency key made of <paramref name="keyPrefix"/> and the entry's sequence.
    /// </summary>
    /// <param name="ruleBook">The rule book the entry was generated for.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="keyPrefix">The start of the idempotency key.</param>
    public static LedgerEntryRequest ToRequest(RuleBook ruleBook, AssessmentEntry entry, string keyPrefix = "generated:")
    {
        ArgumentNullException.ThrowIfNull(ruleBook);
        var version = ruleBook.VersionOn(entry.ItemIndex, entry.OccurredOn)
            ?? throw new ArgumentException($"Item {entry.ItemIndex} has no version in force on {entry.OccurredOn:yyyy-MM-dd}.", nameof(entry));
        return new LedgerEntryRequest
        {
            Member = entry.Member,
            ItemCode = ruleBook.Items[entry.ItemIndex].Code,
            OccurredOn = entry.OccurredOn,
            IdempotencyKey = keyPrefix + entry.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Value = version.Kind == ItemKind.Discretionary ? entry.Value : null,
            Tier = version.Kind == ItemKind.Tiered ? version.Tiers[entry.Tier].Code : null,
            AfterReminder = entry.AfterReminder,
        };
    }

    /// <summary>Shorter ledgers: none, the first half, then without each one entry (the last twenty).</summary>
    /// <param name="entries">The ledger to shrink.</param>
    public static IEnumerable<AssessmentEntry[]> ShrinkEntries(AssessmentEntry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return RosterArbitraries.Fewer(entries).Select(e => e.ToArray());
    }

    /// <summary>Smaller scenarios: fewer entries first, then fewer members (each with their entries); the rule book stays.</summary>
    /// <param name="scenario">The scenario to shrink.</param>
    public static IEnumerable<ScoringScenario> ShrinkScenario(ScoringScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var entries in ShrinkEntries(scenario.Entries))
        {
            yield return scenario with { Entries = entries };
        }
        foreach (var roster in RosterArbitraries.ShrinkSubjects([.. scenario.Roster]))
        {
            var kept = roster.Select(s => s.Member).ToHashSet();
            yield return scenario with { Roster = roster, Entries = [.. scenario.Entries.Where(e => kept.Contains(e.Member))] };
        }
    }

    private static bool IsDeclarable(ItemKind kind) => kind is not (ItemKind.AutomaticGrant or ItemKind.Threshold);

    private static Points ValueWithin(Points minimum, Points maximum, int pick)
    {
        long span = maximum.Units - minimum.Units;
        // Whole hundredths of a point, so values print cleanly.
        long step = Math.Max(1, Points.UnitsPerPoint / 100);
        long steps = span / step;
        return Points.FromUnits(minimum.Units + pick % (steps + 1) * step);
    }
}
