namespace GridGovernance.Organisation;

/// <summary>
/// A node of the hierarchy index: a unit, a member or a household. Ids convert to it implicitly, so
/// <c>index.IsAncestorOf(streetId, householdId)</c> reads as it should.
/// </summary>
/// <param name="Kind">What the node is.</param>
/// <param name="Value">The number of its id.</param>
[Immutable]
public readonly record struct NodeRef(NodeKind Kind, int Value)
{
    /// <summary>The node of a unit.</summary>
    /// <param name="id">The unit's id.</param>
    public static implicit operator NodeRef(OrgUnitId id) => new(NodeKind.Unit, id.Value);

    /// <summary>The node of a member.</summary>
    /// <param name="id">The member's id.</param>
    public static implicit operator NodeRef(MemberId id) => new(NodeKind.Member, id.Value);

    /// <summary>The node of a household.</summary>
    /// <param name="id">The household's id.</param>
    public static implicit operator NodeRef(HouseholdId id) => new(NodeKind.Household, id.Value);

    /// <summary>The unit id of a unit node.</summary>
    /// <exception cref="InvalidOperationException">The node is not a unit.</exception>
    public OrgUnitId AsUnit() => Kind == NodeKind.Unit ? new OrgUnitId(Value) : throw new InvalidOperationException($"{this} is not a unit.");

    /// <summary>The member id of a member node.</summary>
    /// <exception cref="InvalidOperationException">The node is not a member.</exception>
    public MemberId AsMember() => Kind == NodeKind.Member ? new MemberId(Value) : throw new InvalidOperationException($"{this} is not a member.");

    /// <summary>The household id of a household node.</summary>
    /// <exception cref="InvalidOperationException">The node is not a household.</exception>
    public HouseholdId AsHousehold() => Kind == NodeKind.Household ? new HouseholdId(Value) : throw new InvalidOperationException($"{this} is not a household.");

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        NodeKind.Unit => new OrgUnitId(Value).ToString(),
        NodeKind.Member => new MemberId(Value).ToString(),
        _ => new HouseholdId(Value).ToString(),
    };
}
