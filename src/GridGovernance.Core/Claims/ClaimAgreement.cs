using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// The claim agreement (《项目认领协议书》) a claimant signs: the people it sends, the money it puts in, its duties and
/// the deadline.
/// </summary>
/// <param name="Unit">The claimant unit that signs.</param>
/// <param name="People">The members it sends.</param>
/// <param name="Money">The funds it commits (元), ≥ 0.</param>
/// <param name="Duties">What it undertakes, one line each.</param>
/// <param name="Deadline">The day it must be delivered by.</param>
/// <param name="SignedAt">When it was signed.</param>
[Immutable]
public sealed record ClaimAgreement(OrgUnitId Unit, ImmutableArray<MemberId> People, decimal Money, ImmutableArray<string> Duties, LocalDate Deadline, Instant SignedAt);
