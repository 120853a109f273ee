using GridGovernance.Specifications;

namespace GridGovernance.Claims;

/// <summary>The needs not yet packaged into a project (the need list 需求清单), in id order.</summary>
[Immutable]
public sealed class UnpackagedNeeds : Specification<Need>
{
    /// <summary>Creates the specification.</summary>
    public UnpackagedNeeds() =>
        Query.Where(n => n.Project == null).OrderBy(n => n.Id.Value);
}
