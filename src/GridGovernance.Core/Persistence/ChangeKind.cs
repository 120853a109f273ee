namespace GridGovernance.Persistence;

/// <summary>What a staged change does to its aggregate when the unit of work saves.</summary>
public enum ChangeKind
{
    /// <summary>Insert a new aggregate (version 0).</summary>
    Add,

    /// <summary>Replace a stored aggregate, if its stored version is still the one it was loaded at.</summary>
    Update,

    /// <summary>Remove a stored aggregate, if its stored version is still the one it was loaded at.</summary>
    Delete,
}
