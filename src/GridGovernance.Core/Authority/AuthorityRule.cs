using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// Who may use one <see cref="Authority.Capability"/>: the posts (roles) that may, where they must be held, and
/// whether members or residents in person, the system or a summoned department may. One row of
/// <see cref="AuthorityTable"/>.
/// </summary>
[Immutable]
public sealed record AuthorityRule
{
    /// <summary>Creates a rule for a capability that nobody may use until the properties say who.</summary>
    /// <param name="capability">The capability.</param>
    public AuthorityRule(Capability capability)
    {
        Preconditions.CheckArgument(capability.Code is not null, nameof(capability), "capability must be a capability, not default.");
        Capability = capability;
    }

    /// <summary>The capability.</summary>
    public Capability Capability { get; }

    /// <summary>The roles whose holders may use it (网格长, 书记 …); empty when no post may.</summary>
    public ImmutableArray<RoleKind> Roles { get; init; } = [];

    /// <summary>Where the post must be held relative to the matter.</summary>
    public PostScope Scope { get; init; } = PostScope.Jurisdiction;

    /// <summary>Whether a member (and, with <see cref="Residents"/>, a resident) may act in person.</summary>
    public PersonAccess InPerson { get; init; }

    /// <summary>Whether residents count as persons for <see cref="InPerson"/> (filing and rating orders).</summary>
    public bool Residents { get; init; }

    /// <summary>Whether the system may (automatic records, scheduled reminders and escalation).</summary>
    public bool System { get; init; }

    /// <summary>Whether an officer of a department summoned on the matter may (部门报到).</summary>
    public bool SummonedDepartments { get; init; }

    /// <summary>
    /// Whether a member's 双报到 registration counts for jurisdiction: the community they registered with (and the
    /// units over it, and the regional committees spanning it) cover them for this capability.
    /// </summary>
    public bool IncludesDualRegistrations { get; init; }

    /// <summary>
    /// Whether self-dealing is refused (the default): nobody acts in a post on their own matter, and no handler of a
    /// matter rates or reviews it.
    /// </summary>
    public bool RefusesSelfDealing { get; init; } = true;
}
