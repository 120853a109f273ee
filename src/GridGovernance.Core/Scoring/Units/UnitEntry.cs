using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// One approved occurrence of a unit rule book's item for an organisation (机关党组织, a branch, a community committee):
/// what <see cref="UnitAssessmentEngine"/> assesses, as <see cref="AssessmentEntry"/> is for a member.
/// </summary>
/// <param name="Unit">The unit the points are for (a stationed unit, 驻区单位, is scored through its party organisation,
/// <see cref="Organisation.StationedUnit.PartyOrganisationId"/>).</param>
/// <param name="ItemIndex">The item's position in the rule book.</param>
/// <param name="OccurredOn">The occurrence date.</param>
/// <param name="Sequence">The recorded order, for ties on the same day.</param>
[Immutable]
public readonly record struct UnitEntry(OrgUnitId Unit, int ItemIndex, LocalDate OccurredOn, long Sequence)
{
    /// <summary>For a discretionary item: the value given; otherwise zero.</summary>
    public Points Value { get; init; }

    /// <summary>For a tiered item: the tier's position.</summary>
    public int Tier { get; init; }

    /// <summary>For a deduction doubled after a reminder: whether it occurred after one.</summary>
    public bool AfterReminder { get; init; }
}
