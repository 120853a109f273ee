using GridGovernance.Specifications;

namespace GridGovernance.Claims;

/// <summary>The projects in one state, in id order (e.g. the open project list).</summary>
[Immutable]
public sealed class ProjectsInStatus : Specification<ServiceProject>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="status">The state.</param>
    public ProjectsInStatus(ProjectStatus status) =>
        Query.Where(p => p.Status == status).OrderBy(p => p.Id.Value);
}
