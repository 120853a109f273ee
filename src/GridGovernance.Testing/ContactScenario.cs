using GridGovernance.Contacts;

namespace GridGovernance.Testing;

/// <summary>
/// A synthetic contact-plan instance (党员联系户): households and members spread over communities and grids.
/// </summary>
/// <param name="Households">The households, in id order.</param>
/// <param name="Members">The members, in id order.</param>
/// <param name="Communities">The community ids used.</param>
public sealed record ContactScenario(ContactHousehold[] Households, ContactMember[] Members, OrgUnitId[] Communities);
