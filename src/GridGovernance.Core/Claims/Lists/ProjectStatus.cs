using System.Collections.Immutable;

namespace GridGovernance.Claims;

/// <summary>Where a service project (项目) stands in its lifecycle.</summary>
public enum ProjectStatus
{
    /// <summary>Proposed (拟定): packaged from needs, not yet offered for claiming.</summary>
    Proposed = 0,

    /// <summary>Open (发布认领): on the project list; units may claim its places.</summary>
    Open = 1,

    /// <summary>Claimed (已认领): every place has a claimant.</summary>
    Claimed = 2,

    /// <summary>Agreement signed (签订《项目认领协议书》): people, money, duties and deadline are fixed.</summary>
    AgreementSigned = 3,

    /// <summary>In delivery (实施中).</summary>
    InDelivery = 4,

    /// <summary>Completed (已完成): delivered; points go to the members who served.</summary>
    Completed = 5,

    /// <summary>Failed (未完成) or withdrawn; final.</summary>
    Failed = 6,
}

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
