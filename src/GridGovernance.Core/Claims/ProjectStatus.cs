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
