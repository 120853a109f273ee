namespace GridGovernance.Organisation;

/// <summary>The three kinds of node in the hierarchy index.</summary>
public enum NodeKind
{
    /// <summary>An organisation unit.</summary>
    Unit,

    /// <summary>A party member.</summary>
    Member,

    /// <summary>A resident household.</summary>
    Household,
}
