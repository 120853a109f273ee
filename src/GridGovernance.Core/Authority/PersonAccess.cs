namespace GridGovernance.Authority;

/// <summary>Whether a member or resident acting in person (not in a post) may use a capability.</summary>
public enum PersonAccess
{
    /// <summary>Not in person: only posts (or the system, or a department) may.</summary>
    None = 0,

    /// <summary>Only on their own matter: their own declaration, account, contact log, or the order they filed.</summary>
    OwnMatter = 1,

    /// <summary>Anyone in person (e.g. filing an order, claiming a micro-wish).</summary>
    Anyone = 2,
}
