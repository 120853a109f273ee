namespace GridGovernance.Testing;

/// <summary>
/// What one step of a <see cref="ChangeWithoutLoss"/> script does: an organisation change (机构调整, a member leaving,
/// a role change, 双报到) or a workflow command (a work order's loop, a declaration and its review, a publication, a
/// contact logged).
/// </summary>
public enum ChangeStepKind
{
    /// <summary>Merge streets or communities (<c>MergeUnitsAsync</c>).</summary>
    Merge,

    /// <summary>Split a community or street with two children or more into two parts (<c>SplitUnitAsync</c>).</summary>
    Split,

    /// <summary>Move a community under another street (<c>MoveUnitAsync</c>).</summary>
    Move,

    /// <summary>Close a grid, a party group or a community (<c>CloseUnitAsync</c>); refused while it holds anything.</summary>
    Close,

    /// <summary>A member leaves the roster (<c>RemoveMemberAsync</c>).</summary>
    MemberLeaves,

    /// <summary>A secretary is appointed on a unit without one (<c>AssignRoleAsync</c>), or a role ends (<c>EndRoleAsync</c>).</summary>
    RoleChange,

    /// <summary>A member registers with a community (双报到, <c>RegisterDualAsync</c>).</summary>
    DualRegistration,

    /// <summary>A resident files a work order at a grid or community (群众下单).</summary>
    File,

    /// <summary>A filed order is sorted (三事分流).</summary>
    Triage,

    /// <summary>A secretary over the order's unit summons a department (吹哨).</summary>
    Whistle,

    /// <summary>An order is escalated one level up.</summary>
    Escalate,

    /// <summary>A cadre over the order's unit takes it (干部领单).</summary>
    Claim,

    /// <summary>A taken order is resolved (with its points award, in one unit of work) and closed (办结).</summary>
    Complete,

    /// <summary>A member declares points (党员申报).</summary>
    Declare,

    /// <summary>A secretary over the member approves a declaration (审核).</summary>
    Approve,

    /// <summary>The district's secretary publishes the days so far (公示).</summary>
    Publish,

    /// <summary>A planned contact logs a visit to one of their households (联系记实).</summary>
    LogContact,

    /// <summary>Proposes a service project (服务项目) on a community's list, or opens a proposed one for claiming.</summary>
    ProjectPublish,

    /// <summary>A community lists its resources (资源清单), or, listed, claims an open project (项目认领).</summary>
    ProjectClaim,

    /// <summary>A claimed project's next step: the claimant signs its agreement, delivery starts, or it is completed with its awards.</summary>
    ProjectComplete,
}
