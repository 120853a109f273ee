namespace GridGovernance.Contacts;

/// <summary>How a member was in touch with a household.</summary>
public enum ContactKind
{
    /// <summary>入户走访 — a home visit.</summary>
    Visit,
    /// <summary>电话联系 — a call.</summary>
    Call,
    /// <summary>党群联系群 — through the contact group (online).</summary>
    Online,
    /// <summary>座谈 / 议事 — at a meeting.</summary>
    Meeting,
}
