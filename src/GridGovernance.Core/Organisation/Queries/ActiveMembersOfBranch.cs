using GridGovernance.Specifications;

namespace GridGovernance.Organisation.Queries;

/// <summary>The members on the roster whose current primary branch is a given unit, in id order.</summary>
[Immutable]
public sealed class ActiveMembersOfBranch : Specification<Member>
{
    /// <summary>Creates the specification.</summary>
    /// <param name="branch">The branch.</param>
    public ActiveMembersOfBranch(OrgUnitId branch) =>
        Query.Where(m => m.BranchId == branch && m.IsActive).OrderBy(m => m.Id.Value);
}
