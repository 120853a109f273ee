namespace GridGovernance.Organisation;

/// <summary>
/// A role a member holds on a unit for a time (岗位). Well-known roles from the case reports are provided;
/// integrators may define their own with <see cref="RoleKind(string)"/>.
/// </summary>
[Immutable]
public readonly record struct RoleKind : IComparable<RoleKind>, IComparable
{
    /// <summary>Creates a role from its code.</summary>
    /// <param name="code">A short stable code.</param>
    public RoleKind(string code)
    {
        Code = Preconditions.CheckNotBlank(code);
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>书记 — the secretary of a unit's party organisation.</summary>
    public static RoleKind Secretary { get; } = new("secretary");

    /// <summary>网格长 — the grid head.</summary>
    public static RoleKind GridHead { get; } = new("grid-head");

    /// <summary>网格员 — a grid worker (full- or part-time).</summary>
    public static RoleKind GridWorker { get; } = new("grid-worker");

    /// <summary>兼职委员 — a part-time committee member (3–5 per community committee).</summary>
    public static RoleKind PartTimeCommitteeMember { get; } = new("part-time-committee-member");

    /// <summary>联络员 — a liaison.</summary>
    public static RoleKind Liaison { get; } = new("liaison");

    /// <summary>党小组长 — a party group leader.</summary>
    public static RoleKind GroupLeader { get; } = new("group-leader");

    /// <summary>楼栋长 — a building head.</summary>
    public static RoleKind BuildingHead { get; } = new("building-head");

    /// <summary>吹哨人 / 哨兵 — a sentinel who blows the whistle on problems.</summary>
    public static RoleKind Sentinel { get; } = new("sentinel");

    /// <summary>党员中心户 — a central-household member who looks after nearby households.</summary>
    public static RoleKind CentralHousehold { get; } = new("central-household");

    /// <summary>委员 — a member of a unit's party committee (支委/党委委员), who reviews with the secretary.</summary>
    public static RoleKind CommitteeMember { get; } = new("committee-member");

    /// <summary>
    /// 轮值主席 — the rotating chair of a regional committee (区域党委). Held through the unit's chair terms
    /// (<see cref="OrgUnit.ChairTerms"/>), not assigned as a role.
    /// </summary>
    public static RoleKind RotatingChair { get; } = new("rotating-chair");

    /// <summary>积分超市管理员 — the cashier who serves redemptions (积分兑换) at a points supermarket.</summary>
    public static RoleKind Cashier { get; } = new("cashier");

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The other value.</param>
    public int CompareTo(RoleKind other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        RoleKind other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a RoleKind with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <inheritdoc />
    public override string ToString() => Code ?? "";
}
