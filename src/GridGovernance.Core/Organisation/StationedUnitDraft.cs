namespace GridGovernance.Organisation;

/// <summary>A stationed unit (驻区单位) to register.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Organ, institution, state firm, private firm or social organisation.</param>
/// <param name="CommunityId">The community (or other unit) it is located in.</param>
/// <param name="Headcount">Staff; zero or more.</param>
/// <param name="MemberCount">Party members on its staff; zero to <paramref name="Headcount"/>.</param>
[Immutable]
public sealed record StationedUnitDraft(StationedUnitId Id, string Name, StationedUnitKind Kind, OrgUnitId CommunityId, int Headcount, int MemberCount)
{
    /// <summary>The party organisation that covers it (its own or a joint one), or <c>null</c> when none does.</summary>
    public OrgUnitId? PartyOrganisationId { get; init; }

    /// <summary>Whether that organisation is its own (单独组建) rather than joint (联合组建).</summary>
    public bool HasOwnOrganisation { get; init; }

    /// <summary>Whether it signed a co-building agreement (共建协议) with its community.</summary>
    public bool SignedCoBuildingAgreement { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }
}
