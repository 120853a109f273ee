using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// One approved, effective ledger entry as the assessment engine reads it: who, which item (by position in the
/// rule book), when, and what the rule needs (the reviewer's value for a discretionary item, the tier of a tiered
/// penalty, whether it came after a reminder). The points of fixed items come from the rule version in force on
/// <see cref="OccurredOn"/>, so a mid-year rule change applies by occurrence date.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="ItemIndex">The item's position in <see cref="RuleBook.Items"/>.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Sequence">A tie-breaker that orders entries of one day (the ledger's recorded order).</param>
[Immutable]
public readonly record struct AssessmentEntry(MemberId Member, int ItemIndex, LocalDate OccurredOn, long Sequence)
{
    /// <summary>For a discretionary item: the value the reviewer gave.</summary>
    public Points Value { get; init; }

    /// <summary>For a tiered item: the tier's position.</summary>
    public int Tier { get; init; }

    /// <summary>Whether it was recorded after a reminder (counts double where the rule says so).</summary>
    public bool AfterReminder { get; init; }
}
