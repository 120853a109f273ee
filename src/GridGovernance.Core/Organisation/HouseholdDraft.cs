namespace GridGovernance.Organisation;

/// <summary>A household to add.</summary>
/// <param name="Id">The new household's id.</param>
/// <param name="UnitId">The grid branch (or group) it is placed in; a kind the schema allows households in.</param>
/// <param name="Address">Building and door (never published: later modules mask it).</param>
[Immutable]
public sealed record HouseholdDraft(HouseholdId Id, OrgUnitId UnitId, string Address)
{
    /// <summary>Where it is, for nearby assignment, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How many people live there; zero or more.</summary>
    public int Residents { get; init; } = 1;

    /// <summary>The head of the household's name, or <c>null</c>.</summary>
    public string? HeadName { get; init; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public string? Phone { get; init; }
}
