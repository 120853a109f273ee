namespace GridGovernance;

/// <summary>Thrown when an operation names an aggregate that does not exist.</summary>
[Immutable]
public sealed class EntityNotFoundException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="aggregateType">The aggregate's type name.</param>
    /// <param name="id">The id that was not found.</param>
    public EntityNotFoundException(string aggregateType, object id)
        : base(ErrorCodes.NotFound, $"{aggregateType} {id} does not exist.")
    {
        AggregateType = aggregateType;
        AggregateId = id;
    }

    /// <summary>The aggregate's type name.</summary>
    public string AggregateType { get; }

    /// <summary>The id that was not found.</summary>
    public object AggregateId { get; }
}
