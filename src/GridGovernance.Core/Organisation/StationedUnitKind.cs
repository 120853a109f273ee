namespace GridGovernance.Organisation;

/// <summary>The kind of a stationed unit (驻区单位).</summary>
public enum StationedUnitKind
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
