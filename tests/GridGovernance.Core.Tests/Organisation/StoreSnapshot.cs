using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;

namespace GridGovernance.Tests.Organisation;

internal static class StoreSnapshot
{
    internal static Task<IReadOnlyList<OrgUnit>> UnitsAsync(this InMemoryStore store) =>
        new InMemoryRepository<OrgUnit>(store, new InMemoryUnitOfWork(store)).ListAsync(Specification.All<OrgUnit>());

    internal static (IReadOnlyList<OrgUnit> Units, IReadOnlyList<Member> Members, IReadOnlyList<Household> Households) Snapshot(this InMemoryStore store)
    {
        var unitOfWork = new InMemoryUnitOfWork(store);
        return (
            new InMemoryRepository<OrgUnit>(store, unitOfWork).ListAsync().GetAwaiter().GetResult(),
            new InMemoryRepository<Member>(store, unitOfWork).ListAsync().GetAwaiter().GetResult(),
            new InMemoryRepository<Household>(store, unitOfWork).ListAsync().GetAwaiter().GetResult());
    }
}
