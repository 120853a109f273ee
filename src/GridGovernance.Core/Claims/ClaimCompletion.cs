using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Claims;

/// <summary>
/// What <see cref="ClaimService.CompleteAsync"/> wrote (项目认领: completion and points): the completed project, the award of every member
/// who served and could receive it, and the members who could not, each with the reason. A retry returns the same
/// completion from the stored facts.
/// </summary>
/// <param name="Project">The project as stored, <see cref="ProjectStatus.Completed"/>.</param>
/// <param name="Awards">The ledger entries of the awards (<see cref="LedgerSource.Claim"/>), in member order; empty without an award.</param>
/// <param name="Skipped">The members who served but may not receive the award, in member order; empty when none.</param>
[Immutable]
public sealed record ClaimCompletion(ServiceProject Project, ImmutableArray<LedgerEntry> Awards, ImmutableArray<SkippedAward> Skipped);
