namespace GridGovernance.Scoring.Statements;

/// <summary>Whose eyes a statement is rendered for (see docs/concepts/privacy.md).</summary>
public enum StatementView
{
    /// <summary>For 公示 and anyone but the member: the name masked as on the public ranking (张三明 → 张*明).</summary>
    Public,

    /// <summary>For the member in person: their name shown (invisible characters dropped).</summary>
    Own,
}
