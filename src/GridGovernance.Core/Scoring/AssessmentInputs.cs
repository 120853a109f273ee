using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// One approved, effective ledger entry as the assessment engine reads it: who, which item (by position in the
/// rule book), when, and what the rule needs (the reviewer's value for a discretionary item, the tier of a tiered
/// penalty, whether it came after a reminder). The points of fixed items come from the rule version in force on
/// <see cref="OccurredOn"/>, so a mid-year rule change applies by occurrence date.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Item">The item's position in <see cref="RuleBook.Items"/>.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Sequence">A tie-breaker that orders entries of one day (the ledger's recorded order).</param>
[Immutable]
public readonly record struct AssessmentEntry(MemberId Member, int Item, LocalDate OccurredOn, long Sequence)
{
    /// <summary>For a discretionary item: the value the reviewer gave.</summary>
    public Points Value { get; init; }

    /// <summary>For a tiered item: the tier's position.</summary>
    public int Tier { get; init; }

    /// <summary>Whether it was recorded after a reminder (counts double where the rule says so).</summary>
    public bool AfterReminder { get; init; }
}

/// <summary>A member on the assessment roster.</summary>
/// <param name="Member">The member.</param>
/// <param name="Kind">Their kind (for eligibility and kind multipliers).</param>
/// <param name="Branch">Their branch (for organisation aggregates and rankings by scope).</param>
[Immutable]
public readonly record struct AssessmentSubject(MemberId Member, MemberKind Kind, OrgUnitId Branch)
{
    /// <summary>
    /// A further multiplier for this member: a role factor (leader 1.4, management 1.2, ordinary 1.0) times a
    /// conduct factor (1, 0.5, 0). Default 1.
    /// </summary>
    public decimal Multiplier { get; init; } = 1m;
}
