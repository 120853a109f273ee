using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A restructure (机构调整) closed a unit bound to an open project and its successor took the unit's place: on the project
/// list (<paramref name="List"/>), or as a claimant with its signed agreement (<paramref name="Claim"/>).
/// </summary>
/// <param name="Project">The project.</param>
/// <param name="From">The unit that closed.</param>
/// <param name="To">Its successor.</param>
/// <param name="List">Whether the project was on the closed unit's list.</param>
/// <param name="Claim">Whether the closed unit was a claimant (its claim and agreement pass to the successor).</param>
/// <param name="Effective">The day of the restructure.</param>
/// <param name="Actor">Who restructured (<see cref="Authority.Actor.AuditName"/>).</param>
[Immutable]
public sealed record ServiceProjectFollowedSuccessor(ProjectId Project, OrgUnitId From, OrgUnitId To, bool List, bool Claim, LocalDate Effective, string Actor) : IDomainEvent;
