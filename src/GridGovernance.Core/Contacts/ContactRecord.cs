using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>One entry of a contact log (联系记实簿).</summary>
/// <param name="Household">The household contacted.</param>
/// <param name="Date">The day of the contact.</param>
/// <param name="Kind">Visit, call, online or meeting.</param>
/// <param name="Notes">What was discussed or done (政策宣传, 信息收集, 救助帮扶 …); up to 2,000 characters.</param>
/// <param name="RecordedAt">When it was written down.</param>
/// <param name="RecordedBy">
/// Who wrote it down, as an <see cref="Authority.Actor.AuditName"/> (<c>member:17</c>): the member themself, or the
/// group leader or secretary who wrote it in their log; <c>null</c> for records written before it was kept.
/// </param>
[Immutable]
public sealed record ContactRecord(HouseholdId Household, LocalDate Date, ContactKind Kind, string Notes, Instant RecordedAt, string? RecordedBy = null);
