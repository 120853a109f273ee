using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="Household"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.Household"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record HouseholdStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required HouseholdId Id { get; init; }

    /// <summary>Building and door (never published as is).</summary>
    public required string Address { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public required GeoPoint? Location { get; init; }

    /// <summary>How many people live there.</summary>
    public required int Residents { get; init; }

    /// <summary>The head of the household's name, or <c>null</c>.</summary>
    public required string? HeadName { get; init; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public required string? Phone { get; init; }

    /// <summary>The history of the unit (grid or group) it is placed in; its extent is its time on the roster. Stored as the timeline's segments, oldest first.</summary>
    public required ImmutableArray<Segment<OrgUnitId>> Units { get; init; }
}
