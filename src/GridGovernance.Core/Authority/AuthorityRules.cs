using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// The decision procedure, pure and deterministic: given a table, an actor, a capability, the subject and the
/// facts of the day, is the command allowed? Every <see cref="IAuthorityPolicy"/> of the library calls it, so
/// the index path and the store path give the same answer.
/// </summary>
[Immutable]
public static class AuthorityRules
{
    // An allowed decision is the common case on every command: its reason is a constant, so deciding allocates nothing.
    private const string SystemAllowed = "The system may use this capability.";
    private const string DepartmentSummoned = "The officer's department is summoned on the matter.";
    private const string AnyoneInPerson = "Anyone may use this capability in person.";
    private const string OwnMatter = "The matter is the actor's own.";
    private const string TopLevelPost = "The actor holds the post on a top-level unit.";
    private const string OwnUnitPost = "The actor holds the post on the matter's own unit.";
    private const string WithinJurisdiction = "The matter is within the jurisdiction of the actor's post.";

    /// <summary>Decides whether <paramref name="actor"/> may use <paramref name="capability"/> on <paramref name="subject"/>.</summary>
    /// <param name="table">The authority table.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="capability">What they do.</param>
    /// <param name="subject">What they act on.</param>
    /// <param name="view">The facts of the day.</param>
    /// <returns>The decision with its reason.</returns>
    public static AuthorityDecision Decide(AuthorityTable table, Actor actor, Capability capability, IAuthoritySubject subject, IAuthorityView view)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(view);
        if (table.RuleOf(capability) is not { } rule)
        {
            return Refuse(Refusal.NoRule, capability, actor, subject, view);
        }
        if (actor.Kind == ActorKind.Post)
        {
            // The common case first: a member acting in a post.
            return DecidePost(rule, actor, subject, view);
        }
        return actor.Kind switch
        {
            ActorKind.System => rule.System
                ? AuthorityDecision.Allow(SystemAllowed)
                : Refuse(Refusal.SystemMayNot, capability, actor, subject, view),
            ActorKind.DepartmentOfficer => DecideDepartment(rule, actor, subject),
            ActorKind.Resident => rule.Residents ? DecideInPerson(rule, actor, subject, view) : Refuse(Refusal.ResidentsMayNot, capability, actor, subject, view),
            ActorKind.Member => DecideInPerson(rule, actor, subject, view),
            _ => DecidePost(rule, actor, subject, view),
        };
    }

    private static AuthorityDecision DecideDepartment(AuthorityRule rule, Actor actor, IAuthoritySubject subject)
    {
        var capability = rule.Capability;
        IAuthorityView? view = null;
        if (!rule.SummonedDepartments)
        {
            return Refuse(Refusal.DepartmentsMayNot, capability, actor, subject, view);
        }
        return subject.HasSummoned(actor.Department!)
            ? AuthorityDecision.Allow(DepartmentSummoned)
            : Refuse(Refusal.NotSummoned, capability, actor, subject, view);
    }

    private static AuthorityDecision DecideInPerson(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view)
    {
        var capability = rule.Capability;
        if (rule.InPerson == PersonAccess.None)
        {
            return Refuse(Refusal.NeedsPost, capability, actor, subject, view);
        }
        if (actor.IsMember && !view.IsOnRoster(actor.MemberId))
        {
            return Refuse(Refusal.NotOnRoster, capability, actor, subject, view);
        }
        if (rule.RefusesSelfDealing && actor.IsMember && subject.HasHandled(actor.MemberId))
        {
            return Refuse(Refusal.Handled, capability, actor, subject, view);
        }
        if (rule.InPerson == PersonAccess.Anyone)
        {
            return AuthorityDecision.Allow(AnyoneInPerson);
        }
        bool own = string.Equals(subject.Filer, actor.AuditName, StringComparison.Ordinal)
            || (actor.IsMember && subject.Owner == actor.MemberId);
        return own
            ? AuthorityDecision.Allow(OwnMatter)
            : Refuse(Refusal.NotOwn, capability, actor, subject, view);
    }

    private static AuthorityDecision DecidePost(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view)
    {
        var capability = rule.Capability;
        if (!Contains(rule.Roles, actor.Role))
        {
            return Refuse(Refusal.RoleMayNot, capability, actor, subject, view);
        }
        // An AuthorityIndex answers from the post it finds (its unit's place in the tree), so jurisdiction needs no second
        // look-up of the unit; any other view is asked its two questions. The answers are the same.
        var index = view as AuthorityIndex;
        int post = index is not null ? index.PostHandle(actor.MemberId, actor.Role, actor.Unit)
            : view.HoldsPost(actor.MemberId, actor.Role, actor.Unit) ? 0 : -1;
        if (post < 0)
        {
            return Refuse(Refusal.NoPost, capability, actor, subject, view);
        }
        if (rule.RefusesSelfDealing && (subject.Owner == actor.MemberId || subject.HasHandled(actor.MemberId)))
        {
            return Refuse(Refusal.OwnMatter, capability, actor, subject, view);
        }
        switch (rule.Scope)
        {
            case PostScope.TopLevel:
                return view.IsTopLevel(actor.Unit)
                    ? AuthorityDecision.Allow(TopLevelPost)
                    : Refuse(Refusal.NotTopLevel, capability, actor, subject, view);
            case PostScope.Unit:
                return subject.Node is { } own && own == (NodeRef)actor.Unit
                    ? AuthorityDecision.Allow(OwnUnitPost)
                    : Refuse(Refusal.NotOwnUnit, capability, actor, subject, view);
            default:
                if (subject.Node is not { } node)
                {
                    return Refuse(Refusal.NoNode, capability, actor, subject, view);
                }
                bool covers = index is not null
                    ? index.CoversFromPost(post, actor.Unit, node, rule.IncludesDualRegistrations)
                    : view.Covers(actor.Unit, node, rule.IncludesDualRegistrations);
                return covers
                    ? AuthorityDecision.Allow(WithinJurisdiction)
                    : Refuse(Refusal.OutsideJurisdiction, capability, actor, subject, view);
        }
    }

    // A plain loop: the rows hold a handful of roles and a matter a handful of handlers, and ImmutableArray.Contains
    // goes through a generic comparer for each element.
    private static bool Contains(ImmutableArray<RoleKind> roles, RoleKind role)
    {
        foreach (var r in roles.AsSpan())
        {
            if (string.Equals(r.Code, role.Code, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Words a refusal. Out of line, so that the deciding methods build no strings and carry no formatting state:
    /// an allowed decision costs only its checks.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static AuthorityDecision Refuse(Refusal why, Capability capability, Actor actor, IAuthoritySubject subject, IAuthorityView? view) =>
        AuthorityDecision.Refuse(why switch
        {
            Refusal.NoRule => $"No rule of the authority table grants '{capability}'.",
            Refusal.SystemMayNot => $"The system may not use '{capability}'; a person must.",
            Refusal.ResidentsMayNot => $"Residents may not use '{capability}'.",
            Refusal.DepartmentsMayNot => $"Departments may not use '{capability}'.",
            Refusal.NotSummoned => $"Department {actor.Department} is not summoned on {subject.Label}.",
            Refusal.NeedsPost => $"'{capability}' needs a post; {actor} holds none for it.",
            Refusal.NotOnRoster => $"{actor.MemberId} is not on the roster on {view!.AsOf:yyyy-MM-dd}.",
            Refusal.Handled => $"{actor.MemberId} handled {subject.Label} and may not use '{capability}' on it.",
            Refusal.NotOwn => $"{subject.Label} is not {actor}'s own matter; '{capability}' in person is for one's own matter only.",
            Refusal.RoleMayNot => $"The role {actor.Role} may not use '{capability}'.",
            Refusal.NoPost => $"{actor.MemberId} does not hold the post {actor.Role} of {actor.Unit} on {view!.AsOf:yyyy-MM-dd}.",
            Refusal.OwnMatter => $"{actor.MemberId} may not use '{capability}' on their own matter {subject.Label}.",
            Refusal.NotTopLevel => $"'{capability}' needs a post on a top-level unit; {actor.Unit} is not one.",
            Refusal.NotOwnUnit => $"'{capability}' needs a post on the matter's own unit; {actor.Unit} is not it.",
            Refusal.NoNode => $"{subject.Label} has no place in the tree to check jurisdiction against.",
            Refusal.OutsideJurisdiction => $"{subject.Label} is outside the jurisdiction of {actor.Unit} on {view!.AsOf:yyyy-MM-dd}.",
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        });

    private enum Refusal
    {
        NoRule,
        SystemMayNot,
        ResidentsMayNot,
        DepartmentsMayNot,
        NotSummoned,
        NeedsPost,
        NotOnRoster,
        Handled,
        NotOwn,
        RoleMayNot,
        NoPost,
        OwnMatter,
        NotTopLevel,
        NotOwnUnit,
        NoNode,
        OutsideJurisdiction,
    }
}
