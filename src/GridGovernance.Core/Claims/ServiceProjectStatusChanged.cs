namespace GridGovernance.Claims;

/// <summary>A project moved from one state to another.</summary>
/// <param name="Project">The project.</param>
/// <param name="From">The old state.</param>
/// <param name="To">The new state.</param>
[Immutable]
public sealed record ServiceProjectStatusChanged(ProjectId Project, ProjectStatus From, ProjectStatus To) : IDomainEvent;
