using System.Collections.Immutable;
using NodaTime;
using GridGovernance.Claims;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="ServiceProject"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.ServiceProject"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record ServiceProjectStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required ProjectId Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>The service category code.</summary>
    public required string Category { get; init; }

    /// <summary>The service area.</summary>
    public required AreaId Area { get; init; }

    /// <summary>The unit whose project list it is on (the proposing community): where the matter sits for the authority rules. When that unit closes in a merge, split or close while the project is open, it is the successor (机构调整).</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>Where it is delivered.</summary>
    public required GeoPoint Location { get; init; }

    /// <summary>How many units must claim it.</summary>
    public required int ClaimantsRequired { get; init; }

    /// <summary>The day it must be delivered by.</summary>
    public required LocalDate Deadline { get; init; }

    /// <summary>The needs it packages, in id order.</summary>
    public required ImmutableArray<NeedId> Needs { get; init; }

    /// <summary>Where it stands.</summary>
    public required ProjectStatus Status { get; init; }

    /// <summary>Its claimants, first come first.</summary>
    public required ImmutableList<ProjectClaim> Claims { get; init; }

    /// <summary>The signed claim agreements (《项目认领协议书》), one per claimant.</summary>
    public required ImmutableList<ClaimAgreement> Agreements { get; init; }

    /// <summary>The members who served, recorded on completion.</summary>
    public required ImmutableArray<MemberId> Served { get; init; }

    /// <summary>The day it was completed, or <c>null</c>.</summary>
    public required LocalDate? CompletedOn { get; init; }

    /// <summary>Why it failed, or <c>null</c>.</summary>
    public required string? FailureReason { get; init; }
}
