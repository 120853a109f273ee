namespace GridGovernance;

/// <summary>
/// Something that happened to an aggregate, recorded on it (<see cref="IAggregateRoot.DomainEvents"/>) and
/// named <c>&lt;Aggregate&gt;&lt;PastTense&gt;</c>, e.g. <c>OrgUnitMoved</c>. Integrators read them after a save to
/// publish notifications, audit logs or read models.
/// </summary>
public interface IDomainEvent
{
}
