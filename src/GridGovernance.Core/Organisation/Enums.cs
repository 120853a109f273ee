namespace GridGovernance.Organisation;

/// <summary>The three kinds of grid branch in Laiwu (网格党支部类型).</summary>
public enum GridBranchKind
{
    /// <summary>直管型 — directly managed, for long-resident members.</summary>
    DirectlyManaged,

    /// <summary>共建型 — co-built with a resident unit (驻区单位).</summary>
    CoBuilt,

    /// <summary>组合型 — combined, for mobile members, bankrupt firms and unmanaged estates.</summary>
    Combined,
}

/// <summary>The kind of a party group (党小组).</summary>
public enum PartyGroupKind
{
    /// <summary>楼宇党小组 — a building group.</summary>
    Building,

    /// <summary>商户党小组 — a merchant group.</summary>
    Merchant,

    /// <summary>Any other group (e.g. 网格党小组).</summary>
    Other,
}

/// <summary>The kind of a party member, which later modules use for capacities and eligibility.</summary>
public enum MemberKind
{
    /// <summary>常住党员 — a long-resident member.</summary>
    LongResident,

    /// <summary>在职党员 — an in-service member (working in an organ or firm, registered with a community: 双报到).</summary>
    InService,

    /// <summary>流动党员 — a mobile member.</summary>
    Mobile,
}

/// <summary>The kind of a resident unit (驻区单位).</summary>
public enum ResidentUnitKind
{
    /// <summary>机关 — a government organ.</summary>
    Organ,

    /// <summary>事业单位 — a public institution.</summary>
    Institution,

    /// <summary>国有企业 — a state-owned firm.</summary>
    StateFirm,

    /// <summary>非公企业 — a private firm (a 两新组织).</summary>
    PrivateFirm,

    /// <summary>社会组织 — a social organisation (a 两新组织).</summary>
    SocialOrganisation,
}

/// <summary>Whether a role is held full-time or part-time (网格员: full-time share 58 % in Wanshan).</summary>
public enum Employment
{
    /// <summary>专职 — full-time.</summary>
    FullTime,

    /// <summary>兼职 — part-time.</summary>
    PartTime,
}

/// <summary>The three kinds of node in the hierarchy index.</summary>
public enum NodeKind
{
    /// <summary>An organisation unit.</summary>
    Unit,

    /// <summary>A party member.</summary>
    Member,

    /// <summary>A resident household.</summary>
    Household,
}
