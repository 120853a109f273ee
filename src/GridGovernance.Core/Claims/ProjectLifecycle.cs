using System.Collections.Immutable;
using GridGovernance.Algorithms;

namespace GridGovernance.Claims;

/// <summary>
/// The one transition table of <see cref="ProjectStatus"/>; every step of <see cref="ServiceProject"/> goes through it,
/// and any other step throws <see cref="IllegalTransitionException"/> (code <see cref="ErrorCodes.ClaimsIllegalTransition"/>).
/// </summary>
[Immutable]
public static class ProjectLifecycle
{
    /// <summary>Every allowed transition: along Proposed → Open → Claimed → AgreementSigned → InDelivery → Completed, or to Failed from any of the first five; Completed and Failed are final.</summary>
    public static ImmutableArray<(ProjectStatus From, ProjectStatus To)> Transitions { get; } =
    [
        (ProjectStatus.Proposed, ProjectStatus.Open),
        (ProjectStatus.Proposed, ProjectStatus.Failed),
        (ProjectStatus.Open, ProjectStatus.Claimed),
        (ProjectStatus.Open, ProjectStatus.Failed),
        (ProjectStatus.Claimed, ProjectStatus.AgreementSigned),
        (ProjectStatus.Claimed, ProjectStatus.Failed),
        (ProjectStatus.AgreementSigned, ProjectStatus.InDelivery),
        (ProjectStatus.AgreementSigned, ProjectStatus.Failed),
        (ProjectStatus.InDelivery, ProjectStatus.Completed),
        (ProjectStatus.InDelivery, ProjectStatus.Failed),
    ];

    internal static TransitionTable<ProjectStatus, ProjectStatus> Table { get; } = TransitionTables.Moves(ErrorCodes.ClaimsIllegalTransition, Transitions);

    /// <summary>Whether the table allows going from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The state asked for.</param>
    public static bool Allows(ProjectStatus from, ProjectStatus to) => Table.Allows(from, to);

    /// <summary>The transitions that start from <paramref name="from"/>; none when it is final.</summary>
    /// <param name="from">The current state.</param>
    public static IEnumerable<(ProjectStatus From, ProjectStatus To)> From(ProjectStatus from) => Transitions.Where(t => t.From == from);
}
