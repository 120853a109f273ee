namespace GridGovernance.Persistence;

/// <summary>One change a unit of work will write: the aggregate's type (as it was staged), the instance and what to do.</summary>
/// <param name="AggregateType">The aggregate type the change was staged for (the <c>T</c> of <see cref="IRepository{T}"/>).</param>
/// <param name="Aggregate">The instance; its state when the save runs is what is written.</param>
/// <param name="Kind">Add, update or delete.</param>
[Immutable]
public sealed record StagedChange(Type AggregateType, IAggregateRoot Aggregate, ChangeKind Kind);
