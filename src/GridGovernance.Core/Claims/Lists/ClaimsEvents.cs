using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>A project moved from one state to another.</summary>
/// <param name="Project">The project.</param>
/// <param name="From">The old state.</param>
/// <param name="To">The new state.</param>
[Immutable]
public sealed record ServiceProjectStatusChanged(ProjectId Project, ProjectStatus From, ProjectStatus To) : IDomainEvent;

/// <summary>A unit claimed a place of a project.</summary>
/// <param name="Project">The project.</param>
/// <param name="Unit">The claimant.</param>
/// <param name="OpenPlaces">Places still open after the claim.</param>
[Immutable]
public sealed record ServiceProjectClaimed(ProjectId Project, OrgUnitId Unit, int OpenPlaces) : IDomainEvent;

/// <summary>A claimant signed its claim agreement (《项目认领协议书》).</summary>
/// <param name="Project">The project.</param>
/// <param name="Agreement">The agreement.</param>
[Immutable]
public sealed record ClaimAgreementSigned(ProjectId Project, ClaimAgreement Agreement) : IDomainEvent;

/// <summary>
/// A project was completed: organisation scoring can credit the claimant units (Yibin counts claims quarterly), and
/// the members who served earn points.
/// </summary>
/// <param name="Project">The project.</param>
/// <param name="Units">The claimant units.</param>
/// <param name="Served">The members who served.</param>
/// <param name="CompletedOn">The day it was completed.</param>
[Immutable]
public sealed record ServiceProjectCompleted(ProjectId Project, ImmutableArray<OrgUnitId> Units, ImmutableArray<MemberId> Served, LocalDate CompletedOn) : IDomainEvent;

/// <summary>A member claimed a micro-wish.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">The claimant.</param>
/// <param name="ClaimedOn">The day.</param>
[Immutable]
public sealed record MicroWishClaimed(WishId Wish, MemberId Member, LocalDate ClaimedOn) : IDomainEvent;

/// <summary>A claim of a micro-wish expired unfulfilled; the wish is back in the pool.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">The claimant whose claim lapsed.</param>
/// <param name="ExpiredOn">The day it was found expired.</param>
[Immutable]
public sealed record MicroWishClaimExpired(WishId Wish, MemberId Member, LocalDate ExpiredOn) : IDomainEvent;

/// <summary>A micro-wish was fulfilled.</summary>
/// <param name="Wish">The wish.</param>
/// <param name="Member">Who fulfilled it.</param>
/// <param name="FulfilledOn">The day.</param>
[Immutable]
public sealed record MicroWishFulfilled(WishId Wish, MemberId Member, LocalDate FulfilledOn) : IDomainEvent;
