namespace GridGovernance.Claims.Matching;

/// <summary>
/// Optimal claim matching (最优认领匹配): fills as many project places as the units' capacities and eligibility allow,
/// and among those matchings finds one of least total cost (distance in whole metres × category weight). Exact,
/// deterministic, and independent of the order of the input lists.
/// </summary>
/// <remarks>
/// <para>
/// The engine is an exact min-cost maximum flow (successive shortest paths with Dijkstra on reduced costs; see
/// <see cref="MinCostBipartiteFlow"/>). A unit fills at most one place of a project. For a project needing several
/// claimants the count that is maximised is places, not whole projects: two half-filled projects count the same as
/// one full one, and <see cref="ClaimMatchResult.CoveredProjects"/> reports the projects filled completely.
/// </para>
/// <para>When several matchings are optimal, the same one is returned for the same lists in any order.</para>
/// </remarks>
[Immutable]
public static class ClaimMatcher
{
    /// <summary>Builds the network of the lists and matches it.</summary>
    /// <param name="projects">The open projects.</param>
    /// <param name="resources">The units' resources.</param>
    /// <param name="options">Weights and distance limit, or <c>null</c> for the defaults.</param>
    /// <exception cref="GridGovernanceValidationException">The lists break a rule; see <see cref="ClaimNetwork.Build"/>.</exception>
    public static ClaimMatchResult Match(IEnumerable<ClaimableProject> projects, IEnumerable<UnitResource> resources, ClaimMatchingOptions? options = null) =>
        Match(ClaimNetwork.Build(projects, resources, options), null, CancellationToken.None);

    /// <summary>Builds the network of the lists and matches it, reporting progress.</summary>
    /// <param name="projects">The open projects.</param>
    /// <param name="resources">The units' resources.</param>
    /// <param name="options">Weights and distance limit, or <c>null</c> for the defaults.</param>
    /// <param name="progress">Receives progress now and then, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static ClaimMatchResult Match(
        IEnumerable<ClaimableProject> projects,
        IEnumerable<UnitResource> resources,
        ClaimMatchingOptions? options,
        IProgress<ClaimMatchingProgress>? progress,
        CancellationToken cancellationToken) =>
        Match(ClaimNetwork.Build(projects, resources, options), progress, cancellationToken);

    /// <summary>Matches a network already built.</summary>
    /// <param name="network">The network.</param>
    /// <param name="progress">Receives progress now and then, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="GridGovernanceException">Costs would overflow 64 bits (<c>claims.cost-overflow</c>).</exception>
    public static ClaimMatchResult Match(ClaimNetwork network, IProgress<ClaimMatchingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(network);
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.claims.matching");
        long started = GridGovernanceTelemetry.Start(GridGovernanceTelemetry.MatchingDuration);
        var supply = new int[network.Projects.Length];
        for (int p = 0; p < supply.Length; p++)
        {
            supply[p] = network.Projects[p].ClaimantsRequired;
        }
        var capacity = new int[network.Resources.Length];
        for (int u = 0; u < capacity.Length; u++)
        {
            capacity[u] = network.Resources[u].Capacity;
        }
        Action<int, int>? onRow = progress is null ? null : (done, total) => progress.Report(new ClaimMatchingProgress(done, total));
        var solution = TransportSolver.Solve(supply.Length, supply, capacity.Length, capacity, network.ArcProject, network.ArcUnit, network.ArcCost, onRow, cancellationToken);
        var result = network.ToResult(solution.ArcUsed);
        GridGovernanceTelemetry.Stop(GridGovernanceTelemetry.MatchingDuration, started);
        return result;
    }
}
