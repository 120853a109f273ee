namespace GridGovernance.Persistence;

internal enum PendingChangeKind
{
    Add,
    Update,
    Delete,
}

internal sealed record PendingChange(Type Type, IAggregateRoot Aggregate, PendingChangeKind Kind);
