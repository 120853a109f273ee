using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// What a command acts on, as the authority rules ask about it: where the matter sits in the tree, whose matter it
/// is, who filed it, who handled it and which departments are summoned. <see cref="AuthoritySubject"/> is the general
/// implementation; an aggregate that is asked on every command may answer itself (a <c>WorkOrder</c> does), so that
/// deciding a command allocates nothing.
/// </summary>
/// <remarks>
/// The rules only read a subject while they decide; an implementation answers from its current state and must not
/// change during a decision.
/// </remarks>
public interface IAuthoritySubject
{
    /// <summary>A label safe to show anyone, e.g. <c>workorder:3</c> (no names, phones or keys). Read only on refusal.</summary>
    string Label { get; }

    /// <summary>The node the matter sits at (the declaring member, the order's unit, a household); jurisdiction is checked on it.</summary>
    NodeRef? Node { get; }

    /// <summary>The member whose matter it is: the declarer, the account holder, the member a record is for.</summary>
    MemberId? Owner { get; }

    /// <summary>Who filed the matter, as an <see cref="Actor.AuditName"/> (<c>resident:…</c> or <c>member:17</c>).</summary>
    string? Filer { get; }

    /// <summary>Whether <paramref name="member"/> handled the matter (claimed or resolved it); a handler may not rate or review it.</summary>
    /// <param name="member">A member.</param>
    bool HasHandled(MemberId member);

    /// <summary>Whether the department with the code <paramref name="department"/> is summoned on the matter.</summary>
    /// <param name="department">A department code.</param>
    bool HasSummoned(string department);
}
