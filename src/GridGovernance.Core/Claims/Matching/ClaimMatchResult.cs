using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// A matching of units to project places with its explanation: per project who claims it and why places are left,
/// and the totals the optimum is judged by (places filled first, then cost).
/// </summary>
[Immutable]
public sealed class ClaimMatchResult
{
    internal ClaimMatchResult(ImmutableArray<ProjectMatch> projects, long requiredPlaces, int filledPlaces, int coveredProjects, long totalCost, long totalDistanceMetres)
    {
        Projects = projects;
        RequiredPlaces = requiredPlaces;
        FilledPlaces = filledPlaces;
        CoveredProjects = coveredProjects;
        TotalCost = totalCost;
        TotalDistanceMetres = totalDistanceMetres;
    }

    /// <summary>One entry per project, in project id order.</summary>
    public ImmutableArray<ProjectMatch> Projects { get; }

    /// <summary>The places all projects together need.</summary>
    public long RequiredPlaces { get; }

    /// <summary>The places filled (the flow); the optimum maximises this first.</summary>
    public int FilledPlaces { get; }

    /// <summary>The projects with every place filled (equal to <see cref="FilledPlaces"/> when each needs one claimant).</summary>
    public int CoveredProjects { get; }

    /// <summary>The sum of distance × weight over all assignments; the optimum minimises this second.</summary>
    public long TotalCost { get; }

    /// <summary>The sum of distances (whole metres) over all assignments, weights left out.</summary>
    public long TotalDistanceMetres { get; }

    /// <summary>The entry of one project.</summary>
    /// <param name="project">The project's id.</param>
    /// <exception cref="KeyNotFoundException">The project was not part of the matching (the .NET convention for an indexer; <see cref="TryGetMatch"/> does not throw).</exception>
    public ProjectMatch this[ProjectId project] =>
        TryGetMatch(project, out var match) ? match : throw new KeyNotFoundException($"{project} was not part of the matching.");

    /// <summary>Looks up the entry of one project.</summary>
    /// <param name="project">The project's id.</param>
    /// <param name="match">The entry, when found.</param>
    /// <returns>Whether the project was part of the matching.</returns>
    public bool TryGetMatch(ProjectId project, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProjectMatch? match)
    {
        int lo = 0;
        int hi = Projects.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int order = Projects[mid].Project.CompareTo(project);
            if (order == 0)
            {
                match = Projects[mid];
                return true;
            }
            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        match = null;
        return false;
    }

    /// <summary>The projects each unit is matched to, in unit id order; units with none are left out.</summary>
    public ImmutableSortedDictionary<OrgUnitId, ImmutableArray<ProjectId>> ProjectsByUnit()
    {
        var byUnit = new SortedDictionary<OrgUnitId, List<ProjectId>>();
        foreach (var match in Projects)
        {
            foreach (var assignment in match.Assignments)
            {
                if (!byUnit.TryGetValue(assignment.Unit, out var list))
                {
                    list = [];
                    byUnit.Add(assignment.Unit, list);
                }
                list.Add(match.Project);
            }
        }
        return byUnit.ToImmutableSortedDictionary(e => e.Key, e => e.Value.ToImmutableArray());
    }
}
