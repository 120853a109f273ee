using System.Globalization;
using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// Who acts: every command of the library names one. A member acting in a post (<see cref="Post"/>), a member in
/// person (<see cref="Member(MemberId)"/>), a department officer (<see cref="Officer"/>), a resident
/// (<see cref="Resident"/>) or the system (<see cref="System"/>). No command takes a free-standing "unit I act for":
/// a unit is only ever named as part of a post, and the post is checked against the roster on the day.
/// </summary>
/// <remarks>
/// <see cref="AuditName"/> is the stored form written to audit columns (<c>member:17</c>, <c>department:housing</c>,
/// <c>resident:…</c>, <c>system:overdue-scan</c>). <see cref="ToString"/> never shows a resident's key, which may be
/// personal data such as a caller's phone number.
/// </remarks>
[Immutable]
public sealed record Actor
{
    private const int MaxTextLength = InputPolicy.MaxNameLength;

    private Actor(ActorKind kind, MemberId member, RoleKind role, OrgUnitId unit, string? department, string? key)
    {
        Kind = kind;
        MemberId = member;
        Role = role;
        Unit = unit;
        Department = department;
        Key = key;
        // Written once: every decision on an in-person command compares it with the matter's filer.
        AuditName = kind switch
        {
            ActorKind.Post or ActorKind.Member => ActorNames.ForMember(member),
            ActorKind.DepartmentOfficer => "department:" + department + "/" + key,
            ActorKind.Resident => "resident:" + key,
            _ => "system:" + key,
        };
    }

    /// <summary>The kind of actor.</summary>
    public ActorKind Kind { get; }

    /// <summary>The member behind a <see cref="ActorKind.Post"/> or <see cref="ActorKind.Member"/> actor; <c>default</c> otherwise.</summary>
    public MemberId MemberId { get; }

    /// <summary>The role of a <see cref="ActorKind.Post"/> actor; <c>default</c> otherwise.</summary>
    public RoleKind Role { get; }

    /// <summary>The unit of a <see cref="ActorKind.Post"/> actor; <c>default</c> otherwise.</summary>
    public OrgUnitId Unit { get; }

    /// <summary>The department code of a <see cref="ActorKind.DepartmentOfficer"/>, e.g. <c>market-regulation</c> (市场监管).</summary>
    public string? Department { get; }

    /// <summary>
    /// The second part of the actor: the officer's own identifier for a <see cref="ActorKind.DepartmentOfficer"/>,
    /// the filer key for a <see cref="ActorKind.Resident"/>, the process name for <see cref="ActorKind.System"/>.
    /// </summary>
    public string? Key { get; }

    /// <summary>Whether a party member stands behind the actor (in a post or in person).</summary>
    public bool IsMember => Kind is ActorKind.Post or ActorKind.Member;

    /// <summary>
    /// The stored form for audit columns: <c>member:17</c> for a member (in a post or in person),
    /// <c>department:{code}/{officer}</c>, <c>resident:{key}</c>, <c>system:{name}</c>.
    /// </summary>
    public string AuditName { get; }

    /// <summary>A member acting in a post: a role they hold on a unit on the day of the command.</summary>
    /// <param name="member">The member.</param>
    /// <param name="role">The role, e.g. <see cref="RoleKind.Secretary"/> (书记) or <see cref="RoleKind.GridHead"/> (网格长).</param>
    /// <param name="unit">The unit the role is held on.</param>
    /// <exception cref="GridGovernanceValidationException">An argument is <c>default</c> (code <c>value.invalid</c>, naming it).</exception>
    public static Actor Post(MemberId member, RoleKind role, OrgUnitId unit)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckArgument(role.Code is not null, nameof(role), "role must be a role, not default.");
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        return new Actor(ActorKind.Post, member, role, unit, null, null);
    }

    /// <summary>A member acting in person on their own matter (their own declaration, account, contact log).</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>).</exception>
    public static Actor Member(MemberId member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new Actor(ActorKind.Member, member, default, default, null, null);
    }

    /// <summary>A department officer acting for a department (部门报到).</summary>
    /// <param name="department">The department's code, e.g. <c>market-regulation</c>.</param>
    /// <param name="officer">The officer's identifier within the department (an account id).</param>
    /// <exception cref="GridGovernanceValidationException">A text is blank, longer than 200 characters or holds a character the <see cref="InputPolicy"/> refuses (control, bidi, zero-width, unpaired surrogate).</exception>
    public static Actor Officer(string department, string officer) =>
        new(ActorKind.DepartmentOfficer, default, default, default, CheckText(department, nameof(department)), CheckText(officer, nameof(officer)));

    /// <summary>A resident, by the integrator's filer key (an account id or a hotline caller id; never shown in messages).</summary>
    /// <param name="filerKey">The key.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="filerKey"/> is blank, longer than 200 characters or holds a character the <see cref="InputPolicy"/> refuses (control, bidi, zero-width, unpaired surrogate).</exception>
    public static Actor Resident(string filerKey) => new(ActorKind.Resident, default, default, default, null, CheckText(filerKey, nameof(filerKey)));

    /// <summary>The system acting on its own: an automatic record, a scheduled reminder or escalation.</summary>
    /// <param name="process">The process's name, e.g. <c>overdue-scan</c> or <c>annual-grant</c>.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="process"/> is blank, longer than 200 characters or holds a character the <see cref="InputPolicy"/> refuses (control, bidi, zero-width, unpaired surrogate).</exception>
    public static Actor System(string process) => new(ActorKind.System, default, default, default, null, CheckText(process, nameof(process)));

    /// <summary>A description safe to show anyone: it names members by id and hides a resident's key.</summary>
    public override string ToString() => Kind switch
    {
        ActorKind.Post => string.Create(CultureInfo.InvariantCulture, $"{MemberId} as {Role} of {Unit}"),
        ActorKind.Member => MemberId + " in person",
        ActorKind.DepartmentOfficer => "an officer of department " + Department,
        ActorKind.Resident => "a resident",
        _ => "system:" + Key,
    };

    private static string CheckText(string? value, string paramName)
    {
        Preconditions.CheckNotNull(value, paramName);
        InputPolicy.ThrowIfAny("The actor", [InputPolicy.CheckText(value.Trim(), paramName, null, MaxTextLength)]);
        return value.Trim();
    }
}
