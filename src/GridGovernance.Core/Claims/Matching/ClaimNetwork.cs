using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// The project list laid against the resource list (需求清单对资源清单): projects and resources in id order, and every
/// candidate pair (a unit that qualifies for a project by category, area, availability and distance) with its cost.
/// </summary>
/// <remarks>
/// Building it is the canonical step that makes matching independent of input order: projects are sorted by id,
/// resources by unit id, candidate pairs by (project, unit). Units are found through an index by (category, area),
/// so building costs about the number of (category, area) neighbours, not projects × units.
/// </remarks>
[Immutable]
public sealed class ClaimNetwork
{
    private readonly int[] arcProject;
    private readonly int[] arcUnit;
    private readonly long[] arcCost;
    private readonly int[] projectArcStart;
    private readonly int[] eligibleIgnoringRange;

    private ClaimNetwork(
        ImmutableArray<ClaimableProject> projects,
        ImmutableArray<UnitResource> resources,
        ClaimMatchingOptions options,
        CandidatePair[] candidates,
        int[] projectArcStart,
        int[] eligibleIgnoringRange)
    {
        Projects = projects;
        Resources = resources;
        Options = options;
        Candidates = ImmutableCollectionsMarshal.AsImmutableArray(candidates);
        this.projectArcStart = projectArcStart;
        this.eligibleIgnoringRange = eligibleIgnoringRange;
        arcProject = new int[candidates.Length];
        arcUnit = new int[candidates.Length];
        arcCost = new long[candidates.Length];
        for (int a = 0; a < candidates.Length; a++)
        {
            arcProject[a] = candidates[a].Project;
            arcUnit[a] = candidates[a].Unit;
            arcCost[a] = candidates[a].Cost;
        }
    }

    /// <summary>The projects, in id order.</summary>
    public ImmutableArray<ClaimableProject> Projects { get; }

    /// <summary>The resources, in unit id order.</summary>
    public ImmutableArray<UnitResource> Resources { get; }

    /// <summary>The options the candidate costs were computed with.</summary>
    public ClaimMatchingOptions Options { get; }

    /// <summary>Every candidate pair, in (project, unit) order.</summary>
    public ImmutableArray<CandidatePair> Candidates { get; }

    /// <summary>Places to fill: the sum of <see cref="ClaimableProject.ClaimantsRequired"/>.</summary>
    public long RequiredPlaces
    {
        get
        {
            long sum = 0;
            foreach (var project in Projects)
            {
                sum += project.ClaimantsRequired;
            }
            return sum;
        }
    }

    internal int[] ArcProject => arcProject;

    internal int[] ArcUnit => arcUnit;

    internal long[] ArcCost => arcCost;

    /// <summary>
    /// Validates the lists and builds the network. A project and a unit form a candidate pair when the unit offers
    /// the project's category, serves its area (or any area), is available on its deadline, and lies within both
    /// the options' and its own distance limit.
    /// </summary>
    /// <param name="projects">The open projects (项目清单).</param>
    /// <param name="resources">The units' resources (资源清单).</param>
    /// <param name="options">Weights and distance limit, or <c>null</c> for <see cref="ClaimMatchingOptions.Default"/>.</param>
    /// <exception cref="GridGovernanceValidationException">A duplicate id or an out-of-range value; every problem is listed.</exception>
    public static ClaimNetwork Build(IEnumerable<ClaimableProject> projects, IEnumerable<UnitResource> resources, ClaimMatchingOptions? options = null)
    {
        Preconditions.CheckNotNull(projects);
        Preconditions.CheckNotNull(resources);
        options ??= ClaimMatchingOptions.Default;
        var projectArray = projects.ToArray();
        var resourceArray = resources.ToArray();
        Array.Sort(projectArray, (x, y) => (x?.Id.Value ?? 0).CompareTo(y?.Id.Value ?? 0));
        Array.Sort(resourceArray, (x, y) => (x?.Unit.Value ?? 0).CompareTo(y?.Unit.Value ?? 0));
        ClaimInputValidator.Validate(projectArray, resourceArray, options);

        var categoryIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var buckets = new Dictionary<long, List<int>>();
        for (int u = 0; u < resourceArray.Length; u++)
        {
            var resource = resourceArray[u];
            foreach (var category in resource.Categories.Distinct(StringComparer.Ordinal))
            {
                int c = CategoryId(categoryIds, category);
                if (resource.Areas.IsDefaultOrEmpty)
                {
                    Bucket(buckets, c, 0).Add(u);
                }
                else
                {
                    foreach (var area in resource.Areas.Distinct())
                    {
                        Bucket(buckets, c, area.Value).Add(u);
                    }
                }
            }
        }

        var candidates = new List<CandidatePair>();
        var projectArcStart = new int[projectArray.Length + 1];
        var eligibleIgnoringRange = new int[projectArray.Length];
        var none = new List<int>();
        for (int p = 0; p < projectArray.Length; p++)
        {
            var project = projectArray[p];
            projectArcStart[p] = candidates.Count;
            if (!categoryIds.TryGetValue(project.Category, out int c))
            {
                continue;
            }
            var inArea = buckets.GetValueOrDefault(Key(c, project.Area.Value), none);
            var anywhere = buckets.GetValueOrDefault(Key(c, 0), none);
            int weight = options.WeightOf(project.Category);
            int i = 0;
            int j = 0;
            while (i < inArea.Count || j < anywhere.Count)
            {
                int u = j >= anywhere.Count || (i < inArea.Count && inArea[i] < anywhere[j]) ? inArea[i++] : anywhere[j++];
                var resource = resourceArray[u];
                if (!resource.Availability.Contains(project.Deadline))
                {
                    continue;
                }
                eligibleIgnoringRange[p]++;
                double metres = resource.Location.DistanceMetresTo(project.Location);
                if ((options.MaxDistanceMetres is double limit && metres > limit) || (resource.MaxDistanceMetres is double own && metres > own))
                {
                    continue;
                }
                candidates.Add(new CandidatePair(p, u, (long)Math.Round(metres, MidpointRounding.AwayFromZero), weight));
            }
        }
        projectArcStart[projectArray.Length] = candidates.Count;
        return new ClaimNetwork(
            ImmutableCollectionsMarshal.AsImmutableArray(projectArray),
            ImmutableCollectionsMarshal.AsImmutableArray(resourceArray),
            options,
            candidates.ToArray(),
            projectArcStart,
            eligibleIgnoringRange);
    }

    /// <summary>
    /// Turns a set of chosen candidate pairs (e.g. a hand-made or greedy matching) into a result with the same
    /// explanation the matcher gives, after checking that no project or unit is over-filled.
    /// </summary>
    /// <param name="chosen">Indexes into <see cref="Candidates"/>; each at most once.</param>
    /// <exception cref="GridGovernanceException">A pair is chosen twice or does not exist, or a capacity is exceeded (<c>claims.infeasible-matching</c>).</exception>
    public ClaimMatchResult Evaluate(IEnumerable<int> chosen)
    {
        Preconditions.CheckNotNull(chosen);
        var used = new bool[Candidates.Length];
        foreach (int index in chosen)
        {
            Preconditions.CheckState(index >= 0 && index < used.Length, ErrorCodes.ClaimsInfeasibleMatching, $"Candidate pair {index} does not exist; there are {used.Length}.");
            Preconditions.CheckState(!used[index], ErrorCodes.ClaimsInfeasibleMatching, $"Candidate pair {index} is chosen twice.");
            used[index] = true;
        }
        return ToResult(used);
    }

    internal ClaimMatchResult ToResult(bool[] used)
    {
        var unitLoad = new int[Resources.Length];
        var matches = ImmutableArray.CreateBuilder<ProjectMatch>(Projects.Length);
        long cost = 0;
        long distance = 0;
        int filled = 0;
        int covered = 0;
        for (int p = 0; p < Projects.Length; p++)
        {
            var project = Projects[p];
            var assignments = ImmutableArray.CreateBuilder<ClaimAssignment>();
            for (int a = projectArcStart[p]; a < projectArcStart[p + 1]; a++)
            {
                if (used[a])
                {
                    var pair = Candidates[a];
                    var resource = Resources[pair.Unit];
                    unitLoad[pair.Unit]++;
                    Preconditions.CheckState(unitLoad[pair.Unit] <= resource.Capacity, ErrorCodes.ClaimsInfeasibleMatching, $"{resource.Unit} is matched to more than its capacity of {resource.Capacity}.");
                    assignments.Add(new ClaimAssignment(resource.Unit, pair.DistanceMetres, pair.Weight));
                    cost += pair.Cost;
                    distance += pair.DistanceMetres;
                }
            }
            Preconditions.CheckState(assignments.Count <= project.ClaimantsRequired, ErrorCodes.ClaimsInfeasibleMatching, $"{project.Id} needs {project.ClaimantsRequired} claimant(s) but is matched to {assignments.Count}.");
            int eligible = projectArcStart[p + 1] - projectArcStart[p];
            var reason = assignments.Count == project.ClaimantsRequired ? UnmatchedReason.None
                : eligibleIgnoringRange[p] == 0 ? UnmatchedReason.NoEligibleUnit
                : eligible == 0 ? UnmatchedReason.NoEligibleUnitInRange
                : UnmatchedReason.AllEligibleUnitsFull;
            filled += assignments.Count;
            covered += reason == UnmatchedReason.None ? 1 : 0;
            matches.Add(new ProjectMatch(project.Id, project.Category, project.ClaimantsRequired, assignments.DrainToImmutable(), eligible, eligibleIgnoringRange[p], reason));
        }
        return new ClaimMatchResult(matches.MoveToImmutable(), RequiredPlaces, filled, covered, cost, distance);
    }

    private static int CategoryId(Dictionary<string, int> ids, string category)
    {
        if (!ids.TryGetValue(category, out int id))
        {
            id = ids.Count + 1;
            ids.Add(category, id);
        }
        return id;
    }

    private static long Key(int category, int area) => ((long)category << 32) | (uint)area;

    private static List<int> Bucket(Dictionary<long, List<int>> buckets, int category, int area)
    {
        long key = Key(category, area);
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets.Add(key, list);
        }
        return list;
    }
}
