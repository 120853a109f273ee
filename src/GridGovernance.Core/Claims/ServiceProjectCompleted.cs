using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A project was completed: organisation scoring can credit the claimant units (Yibin counts claims quarterly), and
/// the members who served earn points.
/// </summary>
/// <param name="Project">The project.</param>
/// <param name="Units">The claimant units.</param>
/// <param name="Served">The members who served.</param>
/// <param name="CompletedOn">The day it was completed.</param>
[Immutable]
public sealed record ServiceProjectCompleted(ProjectId Project, ImmutableArray<OrgUnitId> Units, ImmutableArray<MemberId> Served, LocalDate CompletedOn) : IDomainEvent;
