using GridGovernance.Claims.Matching;

namespace GridGovernance.Testing;

/// <summary>A generated claim matching instance: the project list, the resource list and the options.</summary>
/// <param name="Name">A short description, e.g. "yibin" or "1000 units × 5000 projects".</param>
/// <param name="Projects">The open projects, shuffled (callers must not rely on order).</param>
/// <param name="Resources">The units' resources, shuffled.</param>
/// <param name="Options">The weights and distance limit.</param>
public sealed record ClaimsInstance(string Name, IReadOnlyList<ClaimableProject> Projects, IReadOnlyList<UnitResource> Resources, ClaimMatchingOptions Options);
