using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>A contact to write down.</summary>
/// <param name="Member">The member who made it.</param>
/// <param name="Household">The household.</param>
/// <param name="Date">The day; not after today in the configured zone.</param>
/// <param name="Kind">Visit, call, online or meeting.</param>
/// <param name="Notes">What was discussed or done.</param>
[Immutable]
public sealed record ContactRecordRequest(MemberId Member, HouseholdId Household, LocalDate Date, ContactKind Kind, string Notes);
