using System.Collections.Immutable;

namespace GridGovernance.Authority;

/// <summary>
/// The capabilities the library's services ask for, one per kind of command. Who may use each by default is
/// <see cref="AuthorityTable.Default"/>, documented in docs/concepts/authority.md.
/// </summary>
[Immutable]
public static class Capabilities
{
    /// <summary>党员申报 — declare points for oneself.</summary>
    public static Capability DeclarePoints { get; } = new("points.declare");

    /// <summary>审核 — approve or reject a member's declaration.</summary>
    public static Capability ReviewDeclaration { get; } = new("points.review");

    /// <summary>Record an approved entry: an automatic award or a manual adjustment.</summary>
    public static Capability RecordEntry { get; } = new("points.record");

    /// <summary>Reverse (冲销) an approved entry.</summary>
    public static Capability ReverseEntry { get; } = new("points.reverse");

    /// <summary>定期公示 — publish, revise or freeze a period's results.</summary>
    public static Capability PublishPeriod { get; } = new("points.publish");

    /// <summary>Raise an objection (异议) to one's own published result.</summary>
    public static Capability RaiseObjection { get; } = new("points.object");

    /// <summary>Resolve an objection to a published result.</summary>
    public static Capability ResolveObjection { get; } = new("points.resolve-objection");

    /// <summary>Credit spendable points to an account.</summary>
    public static Capability CreditAccount { get; } = new("rewards.credit");

    /// <summary>积分兑换 — redeem points from an account.</summary>
    public static Capability Redeem { get; } = new("rewards.redeem");

    /// <summary>Keep the reward catalogue (add items, stock, deactivate).</summary>
    public static Capability ManageRewards { get; } = new("rewards.manage");

    /// <summary>群众下单 — file a work order.</summary>
    public static Capability FileOrder { get; } = new("workorders.file");

    /// <summary>三事分流 — triage an order to the level that handles it.</summary>
    public static Capability TriageOrder { get; } = new("workorders.triage");

    /// <summary>干部领单 — claim an order (first-contact responsibility, 首问责任).</summary>
    public static Capability ClaimOrder { get; } = new("workorders.claim");

    /// <summary>Transfer an order to another unit.</summary>
    public static Capability TransferOrder { get; } = new("workorders.transfer");

    /// <summary>社区督单 — supervise an order or send a reminder.</summary>
    public static Capability SuperviseOrder { get; } = new("workorders.supervise");

    /// <summary>Escalate an order one level up.</summary>
    public static Capability EscalateOrder { get; } = new("workorders.escalate");

    /// <summary>吹哨 — summon departments.</summary>
    public static Capability WhistleOrder { get; } = new("workorders.whistle");

    /// <summary>报到 — a summoned department acknowledges or resolves its part.</summary>
    public static Capability DepartmentReport { get; } = new("workorders.department-report");

    /// <summary>Resolve an order with evidence.</summary>
    public static Capability ResolveOrder { get; } = new("workorders.resolve");

    /// <summary>Rate an order's resolution (the filer only, never a handler).</summary>
    public static Capability RateOrder { get; } = new("workorders.rate");

    /// <summary>Close an order, or record its 周末议事厅 deliberation.</summary>
    public static Capability CloseOrder { get; } = new("workorders.close");

    /// <summary>Propose or open a service project from the lists (三张清单).</summary>
    public static Capability ProposeProject { get; } = new("claims.propose");

    /// <summary>项目认领 — claim a project for one's unit, or sign its agreement (《项目认领协议书》).</summary>
    public static Capability ClaimProject { get; } = new("claims.claim");

    /// <summary>Run and apply the optimal matching of open projects.</summary>
    public static Capability MatchProjects { get; } = new("claims.match");

    /// <summary>Record delivery or completion of a claimed project.</summary>
    public static Capability CompleteProject { get; } = new("claims.complete");

    /// <summary>认领微心愿 — claim or fulfil a resident's micro-wish in person.</summary>
    public static Capability ClaimWish { get; } = new("claims.wish");

    /// <summary>Record a contact with a household in the contact log (联系记实簿).</summary>
    public static Capability LogContact { get; } = new("contacts.log");

    /// <summary>Import a roster batch.</summary>
    public static Capability ImportRoster { get; } = new("organisation.import");

    /// <summary>Restructure units: add, rename, move, close, merge, split, spans and chairs.</summary>
    public static Capability RestructureUnits { get; } = new("organisation.restructure");

    /// <summary>Change members and households: transfers, leaving, dual registrations, household moves.</summary>
    public static Capability ManageMembers { get; } = new("organisation.members");

    /// <summary>Assign or end roles (posts).</summary>
    public static Capability AssignRoles { get; } = new("organisation.roles");

    /// <summary>Every capability above, in code order.</summary>
    public static ImmutableArray<Capability> All { get; } =
    [
        .. new[]
        {
            DeclarePoints, ReviewDeclaration, RecordEntry, ReverseEntry, PublishPeriod, RaiseObjection, ResolveObjection,
            CreditAccount, Redeem, ManageRewards,
            FileOrder, TriageOrder, ClaimOrder, TransferOrder, SuperviseOrder, EscalateOrder, WhistleOrder, DepartmentReport,
            ResolveOrder, RateOrder, CloseOrder,
            ProposeProject, ClaimProject, MatchProjects, CompleteProject, ClaimWish,
            LogContact,
            ImportRoster, RestructureUnits, ManageMembers, AssignRoles,
        }.OrderBy(c => c.Code, StringComparer.Ordinal),
    ];
}
