namespace GridGovernance.Contacts;

/// <summary>One link of a contact plan (党员联系户): a household and the member who looks after it.</summary>
/// <param name="Household">The household.</param>
/// <param name="Member">The member.</param>
/// <param name="DistanceMetres">The distance between them, in whole metres.</param>
/// <param name="CrossGrid">Whether the member serves another grid of the same community (penalised by <see cref="ContactPlanOptions.CrossGridPenaltyMetres"/>).</param>
[Immutable]
public readonly record struct ContactLink(HouseholdId Household, MemberId Member, int DistanceMetres, bool CrossGrid);
