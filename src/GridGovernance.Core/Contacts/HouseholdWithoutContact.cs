namespace GridGovernance.Contacts;

/// <summary>A household without a contact member.</summary>
/// <param name="Household">The household.</param>
/// <param name="Unit">The unit it is placed in.</param>
/// <param name="Reason">Why, from the plan; <c>null</c> when the plan does not know the household.</param>
[Immutable]
public readonly record struct HouseholdWithoutContact(HouseholdId Household, OrgUnitId Unit, UncoveredReason? Reason)
{
    /// <summary>With <see cref="UncoveredReason.ContactLeft"/>, the member the plan still links it to; otherwise <c>null</c>.</summary>
    public MemberId? FormerContact { get; init; }
}
