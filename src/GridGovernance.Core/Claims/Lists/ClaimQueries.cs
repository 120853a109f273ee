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

/// <summary>The needs not yet packaged into a project (the need list 需求清单), in id order.</summary>
[Immutable]
public sealed class UnpackagedNeeds : Specification<Need>
{
    /// <summary>Creates the specification.</summary>
    public UnpackagedNeeds() =>
        Query.Where(n => n.Project == null).OrderBy(n => n.Id.Value);
}

/// <summary>The micro-wishes in one state, in id order.</summary>
[Immutable]
public sealed class WishesInStatus : Specification<MicroWish>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="status">The state.</param>
    public WishesInStatus(WishStatus status) =>
        Query.Where(w => w.Status == status).OrderBy(w => w.Id.Value);
}

/// <summary>The projects completed within a period (e.g. a quarter), in id order.</summary>
[Immutable]
public sealed class ProjectsCompletedWithin : Specification<ServiceProject>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="first">The first day of the period.</param>
    /// <param name="last">The last day of the period.</param>
    public ProjectsCompletedWithin(NodaTime.LocalDate first, NodaTime.LocalDate last) =>
        Query.Where(p => p.Status == ProjectStatus.Completed && p.CompletedOn >= first && p.CompletedOn <= last).OrderBy(p => p.Id.Value);
}
