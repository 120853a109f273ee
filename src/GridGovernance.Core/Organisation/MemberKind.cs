namespace GridGovernance.Organisation;

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
