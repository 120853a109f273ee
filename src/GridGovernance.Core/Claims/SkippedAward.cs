namespace GridGovernance.Claims;

/// <summary>
/// A member who served a completed project but was not awarded its points, and why: the member is not stored
/// (<c>storage.not-found</c>) or was not on the roster on the completion day (<c>hierarchy.not-on-roster</c>, e.g. they
/// left the roster before it). The project is completed all the same and the others' awards are recorded.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Code">The stable code of the reason (<see cref="ErrorCodes.NotOnRoster"/> or <see cref="ErrorCodes.NotFound"/>).</param>
/// <param name="Reason">The reason, in words.</param>
[Immutable]
public sealed record SkippedAward(MemberId Member, string Code, string Reason);
