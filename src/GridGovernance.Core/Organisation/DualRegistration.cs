namespace GridGovernance.Organisation;

/// <summary>
/// A dual registration (双报到): an in-service member also registers with the community where they live or
/// are assigned ("单位党支部+地域党支部"), while keeping their primary branch (组织关系).
/// </summary>
/// <param name="Unit">The community (or other unit) registered with.</param>
/// <param name="Validity">When the registration holds.</param>
[Immutable]
public sealed record DualRegistration(OrgUnitId Unit, Validity Validity)
{
    /// <summary>
    /// The stationed unit (驻区单位) the member works in and registers for (在职党员进社区), or <c>null</c> when the
    /// registration names none. The member's logged contacts in the community then reach that stationed unit's work
    /// coverage (工作覆盖; see <c>Contacts.StationedUnitContacts</c>).
    /// </summary>
    public StationedUnitId? Workplace { get; init; }
}
