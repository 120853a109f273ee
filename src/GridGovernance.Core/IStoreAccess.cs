namespace GridGovernance;

/// <summary>What stores may do to an aggregate that its own API does not offer.</summary>
internal interface IStoreAccess
{
    void SetVersion(long version);

    IAggregateRoot Snapshot();
}
