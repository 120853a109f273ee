namespace GridGovernance.Organisation;

/// <summary>What kind of restructure (机构调整) closes units.</summary>
public enum RestructureKind
{
    /// <summary>Units merged into a target (合并), which is their one successor.</summary>
    Merge,

    /// <summary>A unit split into parts (拆分), which are its successors.</summary>
    Split,

    /// <summary>A unit closed (撤销) without a successor.</summary>
    Close,
}
