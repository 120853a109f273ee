namespace GridGovernance.Claims;

/// <summary>A unit claimed a place of a project.</summary>
/// <param name="Project">The project.</param>
/// <param name="Unit">The claimant.</param>
/// <param name="OpenPlaces">Places still open after the claim.</param>
[Immutable]
public sealed record ServiceProjectClaimed(ProjectId Project, OrgUnitId Unit, int OpenPlaces) : IDomainEvent;
