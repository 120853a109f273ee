using System.Collections.Frozen;
using System.Collections.Immutable;

namespace GridGovernance.Authority;

/// <summary>
/// The capabilities the library's services ask for, one per kind of command. Who may use each by default is
/// <see cref="AuthorityTable.Default"/>, documented in docs/concepts/authority.md.
/// </summary>
[Immutable]
public static class Capabilities
{
    private static int slots;

    /// <summary>党员申报 — declare points for oneself.</summary>
    public static Capability DeclarePoints { get; } = WellKnown("points.declare");

    /// <summary>审核 — approve or reject a member's declaration.</summary>
    public static Capability ReviewDeclaration { get; } = WellKnown("points.review");

    /// <summary>单位申报 — a unit declares organisation points (组织积分) for itself, through a post on the unit.</summary>
    public static Capability DeclareUnitPoints { get; } = WellKnown("points.unit-declare");

    /// <summary>Record an approved entry: an automatic award or a manual adjustment.</summary>
    public static Capability RecordEntry { get; } = WellKnown("points.record");

    /// <summary>Reverse (冲销) an approved entry.</summary>
    public static Capability ReverseEntry { get; } = WellKnown("points.reverse");

    /// <summary>定期公示 — publish, revise or freeze a period's results.</summary>
    public static Capability PublishPeriod { get; } = WellKnown("points.publish");

    /// <summary>Raise an objection (异议) to one's own published result.</summary>
    public static Capability RaiseObjection { get; } = WellKnown("points.object");

    /// <summary>Resolve an objection to a published result.</summary>
    public static Capability ResolveObjection { get; } = WellKnown("points.resolve-objection");

    /// <summary>积分细则制定、修订 — add a rule book to the catalogue or revise it.</summary>
    public static Capability ManageRuleBooks { get; } = WellKnown("points.rule-book");

    /// <summary>Credit spendable points to an account.</summary>
    public static Capability CreditAccount { get; } = WellKnown("rewards.credit");

    /// <summary>积分兑换 — redeem points from an account.</summary>
    public static Capability Redeem { get; } = WellKnown("rewards.redeem");

    /// <summary>Keep the reward catalogue (add items, stock, deactivate).</summary>
    public static Capability ManageRewards { get; } = WellKnown("rewards.manage");

    /// <summary>群众下单 — file a work order.</summary>
    public static Capability FileOrder { get; } = WellKnown("workorders.file");

    /// <summary>三事分流 — triage an order to the level that handles it.</summary>
    public static Capability TriageOrder { get; } = WellKnown("workorders.triage");

    /// <summary>干部领单 — claim an order (first-contact responsibility, 首问责任).</summary>
    public static Capability ClaimOrder { get; } = WellKnown("workorders.claim");

    /// <summary>Transfer an order to another unit.</summary>
    public static Capability TransferOrder { get; } = WellKnown("workorders.transfer");

    /// <summary>社区督单 — supervise an order or send a reminder.</summary>
    public static Capability SuperviseOrder { get; } = WellKnown("workorders.supervise");

    /// <summary>Escalate an order one level up.</summary>
    public static Capability EscalateOrder { get; } = WellKnown("workorders.escalate");

    /// <summary>吹哨 — summon departments.</summary>
    public static Capability WhistleOrder { get; } = WellKnown("workorders.whistle");

    /// <summary>报到 — a summoned department acknowledges or resolves its part.</summary>
    public static Capability DepartmentReport { get; } = WellKnown("workorders.department-report");

    /// <summary>Resolve an order with evidence.</summary>
    public static Capability ResolveOrder { get; } = WellKnown("workorders.resolve");

    /// <summary>Rate an order's resolution (the filer only, never a handler).</summary>
    public static Capability RateOrder { get; } = WellKnown("workorders.rate");

    /// <summary>Close an order, or record its 周末议事厅 deliberation.</summary>
    public static Capability CloseOrder { get; } = WellKnown("workorders.close");

    /// <summary>Propose or open a service project from the lists (三张清单).</summary>
    public static Capability ProposeProject { get; } = WellKnown("claims.propose");

    /// <summary>项目认领 — claim a project for one's unit, or sign its agreement (《项目认领协议书》).</summary>
    public static Capability ClaimProject { get; } = WellKnown("claims.claim");

    /// <summary>Run and apply the optimal matching of open projects.</summary>
    public static Capability MatchProjects { get; } = WellKnown("claims.match");

    /// <summary>Record delivery or completion of a claimed project.</summary>
    public static Capability CompleteProject { get; } = WellKnown("claims.complete");

    /// <summary>认领微心愿 — claim or fulfil a resident's micro-wish in person.</summary>
    public static Capability ClaimWish { get; } = WellKnown("claims.wish");

    /// <summary>Record a contact with a household in the contact log (联系记实簿).</summary>
    public static Capability LogContact { get; } = WellKnown("contacts.log");

    /// <summary>Import a roster batch.</summary>
    public static Capability ImportRoster { get; } = WellKnown("organisation.import");

    /// <summary>Restructure units: add, rename, move, close, merge, split, spans and chairs.</summary>
    public static Capability RestructureUnits { get; } = WellKnown("organisation.restructure");

    /// <summary>Change members and households: transfers, leaving, dual registrations, household moves.</summary>
    public static Capability ManageMembers { get; } = WellKnown("organisation.members");

    /// <summary>Assign or end roles (posts).</summary>
    public static Capability AssignRoles { get; } = WellKnown("organisation.roles");

    /// <summary>Every capability above, in code order.</summary>
    public static ImmutableArray<Capability> All { get; } =
    [
        .. new[]
        {
            DeclarePoints, DeclareUnitPoints, ReviewDeclaration, RecordEntry, ReverseEntry, PublishPeriod, RaiseObjection, ResolveObjection, ManageRuleBooks,
            CreditAccount, Redeem, ManageRewards,
            FileOrder, TriageOrder, ClaimOrder, TransferOrder, SuperviseOrder, EscalateOrder, WhistleOrder, DepartmentReport,
            ResolveOrder, RateOrder, CloseOrder,
            ProposeProject, ClaimProject, MatchProjects, CompleteProject, ClaimWish,
            LogContact,
            ImportRoster, RestructureUnits, ManageMembers, AssignRoles,
        }.OrderBy(c => c.Code, StringComparer.Ordinal),
    ];

    /// <summary>How many well-known capabilities there are (the authority table sizes its slots by it).</summary>
    internal static int Count => All.Length;

    /// <summary>The slot of the well-known capability with <paramref name="code"/>, or 0.</summary>
    internal static int SlotOf(string code) => Slots.TryGetValue(code, out int slot) ? slot : 0;

    private static FrozenDictionary<string, int> Slots { get; } =
        All.ToFrozenDictionary(c => c.Code, c => c.Slot, StringComparer.Ordinal);

    private static Capability WellKnown(string code) => new(code, ++slots);
}
