namespace GridGovernance.Organisation;

/// <summary>The three kinds of grid branch in Laiwu (网格党支部类型).</summary>
public enum GridBranchKind
{
    /// <summary>直管型 — directly managed, for long-resident members.</summary>
    DirectlyManaged,

    /// <summary>共建型 — co-built with a stationed unit (驻区单位).</summary>
    CoBuilt,

    /// <summary>组合型 — combined, for mobile members, bankrupt firms and unmanaged estates.</summary>
    Combined,
}
