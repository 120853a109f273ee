using System.Collections.Immutable;
using NodaTime;
using GridGovernance.Claims;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="ResourceListing"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.ResourceListing"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record ResourceListingStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required OrgUnitId Id { get; init; }

    /// <summary>The categories it offers, in ordinal order.</summary>
    public required ImmutableArray<string> Categories { get; init; }

    /// <summary>How many projects it may hold at once.</summary>
    public required int Capacity { get; init; }

    /// <summary>Where it sits.</summary>
    public required GeoPoint Location { get; init; }

    /// <summary>The areas it serves (empty: any).</summary>
    public required ImmutableArray<AreaId> Areas { get; init; }

    /// <summary>The first day it is available.</summary>
    public required LocalDate AvailableFrom { get; init; }

    /// <summary>The last day it is available.</summary>
    public required LocalDate AvailableTo { get; init; }

    /// <summary>The members it can send.</summary>
    public required ImmutableArray<MemberId> Members { get; init; }

    /// <summary>The projects it holds now (claimed and not yet completed or failed).</summary>
    public required ImmutableArray<ProjectId> Held { get; init; }
}
