using System.Collections.Immutable;

namespace GridGovernance.Claims;

/// <summary>The one transition table of <see cref="ProjectStatus"/>; every step of <see cref="ServiceProject"/> goes through it.</summary>
[Immutable]
public static class ProjectLifecycle
{
    /// <summary>The states each state may move to; Completed and Failed are final.</summary>
    public static ImmutableDictionary<ProjectStatus, ImmutableArray<ProjectStatus>> Transitions { get; } = new Dictionary<ProjectStatus, ImmutableArray<ProjectStatus>>
    {
        [ProjectStatus.Proposed] = [ProjectStatus.Open, ProjectStatus.Failed],
        [ProjectStatus.Open] = [ProjectStatus.Claimed, ProjectStatus.Failed],
        [ProjectStatus.Claimed] = [ProjectStatus.AgreementSigned, ProjectStatus.Failed],
        [ProjectStatus.AgreementSigned] = [ProjectStatus.InDelivery, ProjectStatus.Failed],
        [ProjectStatus.InDelivery] = [ProjectStatus.Completed, ProjectStatus.Failed],
        [ProjectStatus.Completed] = [],
        [ProjectStatus.Failed] = [],
    }.ToImmutableDictionary();

    /// <summary>Whether the table allows the step.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="to">The state asked for.</param>
    public static bool IsAllowed(ProjectStatus from, ProjectStatus to) => Transitions[from].Contains(to);

    internal static void Check(string subject, ProjectStatus from, ProjectStatus to)
    {
        if (!IsAllowed(from, to))
        {
            throw new IllegalClaimTransitionException(subject, from.ToString(), to.ToString(), Transitions[from].Select(s => s.ToString()));
        }
    }
}
