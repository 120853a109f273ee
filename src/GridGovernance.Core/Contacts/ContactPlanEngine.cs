using GridGovernance.Contacts.Planning;

namespace GridGovernance.Contacts;

/// <summary>
/// 党员联系户 assignment (就近就便, 全覆盖): links every household to one member of its community, within each
/// member's capacity, minimising the total distance (plus a penalty for crossing grids). Pure and deterministic:
/// the result depends only on the set of households and members (ties break by id), not on their order or on
/// how the communities were scheduled over cores.
/// </summary>
/// <remarks>
/// <para>
/// Communities (or grids, when cross-grid links are forbidden) are independent pools, solved in parallel. In a
/// pool each household gets its <see cref="ContactPlanOptions.CandidatesPerHousehold"/> nearest members (spatial
/// buckets); min-cost flow on that candidate graph is solved exactly by successive shortest paths with
/// potentials. A household the candidates cannot cover is given an arc to the nearest member with room and
/// routed again, so every household is covered whenever its pool has room: coverage equals the max-flow of the
/// full allowed graph. Distances are in whole metres on a local (equirectangular) projection around each pool,
/// within 0.1 % of <see cref="GeoPoint.DistanceMetresTo"/> at community scale.
/// </para>
/// </remarks>
[Immutable]
public static class ContactPlanEngine
{
    /// <summary>Plans the links for a city (or any part of it).</summary>
    /// <param name="households">The households; ids must be distinct.</param>
    /// <param name="members">The members who can look after households; ids must be distinct.</param>
    /// <param name="options">Capacities and costs; <see cref="ContactPlanOptions.Default"/> when <c>null</c>.</param>
    /// <param name="progress">Told as pools are solved, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The plan: a link per covered household, every other household listed with its reason.</returns>
    /// <exception cref="GridGovernanceValidationException">Listing every duplicate or unset id, or every bad option.</exception>
    public static ContactPlan Plan(
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        ContactPlanOptions? options = null,
        IProgress<ContactPlanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        using var activity = GridGovernanceTelemetry.Source.StartActivity("gridgovernance.contacts.planning");
        var input = ContactProblem.Create(households, members, options ?? ContactPlanOptions.Default);
        return ContactPlanSolver.Solve(input, null, null, progress, cancellationToken).Plan;
    }

    /// <summary>
    /// Rebalances a plan after members joined, left or moved and households were added or removed (调整联系户):
    /// pools whose households and members did not change keep their links as they are; in a changed pool every
    /// existing link that is still possible is credited <see cref="ContactPlanOptions.KeepBonusMetres"/>, so a
    /// household moves only when that pays. Uses the previous plan's options.
    /// </summary>
    /// <param name="previous">The plan in force.</param>
    /// <param name="households">The households now.</param>
    /// <param name="members">The members now.</param>
    /// <param name="progress">Told as pools are solved, or <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The new plan and the links added and removed (what the office acts on).</returns>
    /// <exception cref="GridGovernanceValidationException">Listing every duplicate or unset id.</exception>
    public static ContactRebalance Rebalance(
        ContactPlan previous,
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        IProgress<ContactPlanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(previous);
        var input = ContactProblem.Create(households, members, previous.Options);
        var plan = ContactPlanSolver.Solve(input, previous, null, progress, cancellationToken).Plan;
        return new ContactRebalance(plan, ContactPlanDiff.Between(previous, plan));
    }

    /// <summary>
    /// Rebalances one community after a change there (a member joined, left or moved; households added or
    /// removed): <paramref name="households"/> and <paramref name="members"/> are the community's rows now; every
    /// other community keeps its rows and links as they are. The work is the solve of the one community, lookups of
    /// its rows in the previous plan, and block copies of the other communities' rows and links (no per-row work
    /// outside the community), so it suits a change made at a desk.
    /// </summary>
    /// <param name="previous">The plan in force.</param>
    /// <param name="community">The community that changed.</param>
    /// <param name="households">The community's households now (all with that community).</param>
    /// <param name="members">The community's members now (all with that community).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The new plan and the links added and removed.</returns>
    /// <exception cref="GridGovernanceValidationException">A row of another community, a duplicate id, or an id another community uses.</exception>
    public static ContactRebalance RebalanceCommunity(
        ContactPlan previous,
        OrgUnitId community,
        IEnumerable<ContactHousehold> households,
        IEnumerable<ContactMember> members,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(previous);
        var local = ContactProblem.Create(households, members, previous.Options);
        return ContactPlanSolver.RebalanceCommunity(previous, community, local, cancellationToken);
    }

    /// <summary>Plans and also returns the candidate graph each pool was solved on (repair arcs included), for oracles and benchmarks.</summary>
    internal static (ContactPlan Plan, CandidateGraph Graph) PlanWithGraph(IEnumerable<ContactHousehold> households, IEnumerable<ContactMember> members, ContactPlanOptions? options = null)
    {
        var input = ContactProblem.Create(households, members, options ?? ContactPlanOptions.Default);
        var graph = new CandidateGraph(input.Households.Length, input.Members.Length);
        var result = ContactPlanSolver.Solve(input, null, graph, null, CancellationToken.None);
        return (result.Plan, graph);
    }
}
