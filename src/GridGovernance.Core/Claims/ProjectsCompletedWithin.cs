using GridGovernance.Specifications;

namespace GridGovernance.Claims;

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
