using System.Collections.Immutable;

namespace GridGovernance.Contacts;

/// <summary>The link points checked against the hierarchy: the valid ones, every problem, and the streets no leader links.</summary>
/// <param name="Valid">The points that pass every rule, by leader.</param>
/// <param name="Problems">Every rule broken (<c>contacts.invalid-link-point</c>), by leader.</param>
/// <param name="StreetsWithoutLeader">Streets of the districts named that no valid point links.</param>
[Immutable]
public sealed record LinkPointReport(ImmutableArray<LeaderLinkPoint> Valid, ImmutableArray<ValidationProblem> Problems, ImmutableArray<OrgUnitId> StreetsWithoutLeader);
