using System.Globalization;
using System.Text;
using GridGovernance.Scoring;

namespace GridGovernance.Testing;

/// <summary>Everything an assessment needs: a rule book, a period, a roster and entries.</summary>
/// <param name="RuleBook">The rules.</param>
/// <param name="Period">The period.</param>
/// <param name="Roster">The members.</param>
/// <param name="Entries">Approved entries (some may lie outside the period).</param>
public sealed record ScoringScenario(RuleBook RuleBook, AssessmentPeriod Period, IReadOnlyList<AssessmentSubject> Roster, AssessmentEntry[] Entries)
{
    /// <summary>The most entries <see cref="ToString"/> lists.</summary>
    private const int ListedEntries = 40;

    /// <summary>
    /// The scenario for a person reading a counterexample: the book, the period, the members and (the first forty)
    /// entries, each with its member, item code, day and what its rule needs.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"rule book '{RuleBook.Id}' ({RuleBook.Categories.Length} categories, {RuleBook.Items.Length} items), period {Period}, ");
        text.Append(CultureInfo.InvariantCulture, $"{Roster.Count} members [{string.Join(", ", Roster.Select(s => $"{s.Member.Value}:{s.Kind}{(s.Multiplier == 1m ? "" : "×" + s.Multiplier.ToString(CultureInfo.InvariantCulture))}"))}], ");
        text.Append(CultureInfo.InvariantCulture, $"{Entries.Length} entries");
        foreach (var e in Entries.Take(ListedEntries))
        {
            string item = e.ItemIndex >= 0 && e.ItemIndex < RuleBook.Items.Length ? RuleBook.Items[e.ItemIndex].Code : "#" + e.ItemIndex.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"\n  member {e.Member.Value} {item} on {e.OccurredOn:yyyy-MM-dd}");
            text.Append(e.Value == default ? "" : " value " + e.Value);
            text.Append(e.Tier == 0 ? "" : " tier " + e.Tier.ToString(CultureInfo.InvariantCulture));
            text.Append(e.AfterReminder ? " after reminder" : "");
        }
        if (Entries.Length > ListedEntries)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  … and {Entries.Length - ListedEntries} more");
        }
        return text.ToString();
    }
}
