namespace GridGovernance.Organisation;

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
