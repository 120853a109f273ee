using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>A role to give a member (in a batch or through <see cref="OrganisationService.AssignRoleAsync"/>).</summary>
/// <param name="MemberId">The member (in the batch or stored).</param>
/// <param name="Role">The role.</param>
/// <param name="UnitId">The unit it is held on.</param>
/// <param name="Employment">Full- or part-time.</param>
[Immutable]
public sealed record RoleDraft(MemberId MemberId, RoleKind Role, OrgUnitId UnitId, Employment Employment = Employment.PartTime)
{
    /// <summary>The first day it no longer holds, or <c>null</c> for open-ended.</summary>
    public LocalDate? Until { get; init; }
}
