using NodaTime;
using GridGovernance.Claims;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="Need"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.Need"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record NeedStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required NeedId Id { get; init; }

    /// <summary>The unit whose need list it is on: where the matter sits for the authority rules. When that unit closes in a merge, split or close while the need is open, it is the successor (机构调整).</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>The service category code.</summary>
    public required string Category { get; init; }

    /// <summary>What is needed.</summary>
    public required string Description { get; init; }

    /// <summary>Where.</summary>
    public required GeoPoint Location { get; init; }

    /// <summary>How urgent.</summary>
    public required NeedUrgency Urgency { get; init; }

    /// <summary>Who raised it.</summary>
    public required string RaisedBy { get; init; }

    /// <summary>The day it was raised.</summary>
    public required LocalDate RaisedOn { get; init; }

    /// <summary>The project it was packaged into, or <c>null</c> while it is still on the need list.</summary>
    public required ProjectId? Project { get; init; }
}
