using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="StationedUnit"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.StationedUnit"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record StationedUnitStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required StationedUnitId Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Its kind.</summary>
    public required StationedUnitKind Kind { get; init; }

    /// <summary>Staff.</summary>
    public required int Headcount { get; init; }

    /// <summary>Party members on its staff.</summary>
    public required int MemberCount { get; init; }

    /// <summary>The party organisation covering it, or <c>null</c>.</summary>
    public required OrgUnitId? PartyOrganisationId { get; init; }

    /// <summary>Whether the covering organisation is its own (单独组建).</summary>
    public required bool HasOwnOrganisation { get; init; }

    /// <summary>The history of the party organisation covering it (<see cref="PartyOrganisationId"/> and <see cref="HasOwnOrganisation"/> are its last value), oldest first.</summary>
    public required ImmutableArray<Segment<StationedUnitCoverage>> CoverageHistory { get; init; }

    /// <summary>The history of its staff and member counts (<see cref="Headcount"/> and <see cref="MemberCount"/> are its last value), oldest first.</summary>
    public required ImmutableArray<Segment<StationedUnitCounts>> CountsHistory { get; init; }

    /// <summary>Whether it signed a co-building agreement with its community.</summary>
    public required bool SignedCoBuildingAgreement { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public required GeoPoint? Location { get; init; }

    /// <summary>The history of the community it is located in. Stored as the timeline's segments, oldest first.</summary>
    public required ImmutableArray<Segment<OrgUnitId>> Communities { get; init; }
}
