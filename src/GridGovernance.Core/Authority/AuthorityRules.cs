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
    // By Outcome, for the outcomes before Outcome.FirstRefusal.
    private static readonly string[] AllowedReasons =
    [
        "The system may use this capability.",
        "The officer's department is summoned on the matter.",
        "Anyone may use this capability in person.",
        "The matter is the actor's own.",
        "The actor holds the post on a top-level unit.",
        "The actor holds the post on the matter's own unit.",
        "The matter is within the jurisdiction of the actor's post.",
    ];

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
        // The deciding methods answer with an Outcome, not a decision: a decision holds a string, and every path that
        // returned one kept a zeroed copy in the frame. The decision is made here, once.
        var rule = table.RuleOf(capability);
        var outcome = rule is null ? Outcome.NoRule
            // The common case first: a member acting in a post.
            : actor.Kind == ActorKind.Post ? DecidePost(rule, actor, subject, view)
            : DecideOther(rule, actor, subject, view);
        return outcome < Outcome.FirstRefusal
            ? AuthorityDecision.Allow(AllowedReasons[(int)outcome])
            : Refuse(outcome, capability, actor, subject, view);
    }

    private static Outcome DecideOther(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view) => actor.Kind switch
    {
        ActorKind.System => rule.System ? Outcome.SystemAllowed : Outcome.SystemMayNot,
        ActorKind.DepartmentOfficer => !rule.SummonedDepartments ? Outcome.DepartmentsMayNot
            : subject.HasSummoned(actor.Department!) ? Outcome.DepartmentSummoned
            : Outcome.NotSummoned,
        ActorKind.Resident => rule.Residents ? DecideInPerson(rule, actor, subject, view) : Outcome.ResidentsMayNot,
        ActorKind.Member => DecideInPerson(rule, actor, subject, view),
        _ => DecidePost(rule, actor, subject, view),
    };

    private static Outcome DecideInPerson(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view)
    {
        if (rule.InPerson == PersonAccess.None)
        {
            return Outcome.NeedsPost;
        }
        if (actor.IsMember && !view.IsOnRoster(actor.MemberId))
        {
            return Outcome.NotOnRoster;
        }
        if (rule.RefusesSelfDealing && actor.IsMember && subject.HasHandled(actor.MemberId))
        {
            return Outcome.Handled;
        }
        if (rule.InPerson == PersonAccess.Anyone)
        {
            return Outcome.AnyoneInPerson;
        }
        bool own = string.Equals(subject.Filer, actor.AuditName, StringComparison.Ordinal)
            || (actor.IsMember && subject.Owner == actor.MemberId);
        return own ? Outcome.OwnMatter : Outcome.NotOwn;
    }

    private static Outcome DecidePost(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view)
    {
        if (!Contains(rule.Roles, actor.Role))
        {
            return Outcome.RoleMayNot;
        }
        // An AuthorityIndex answers from the post it finds (the unit's Euler-tour interval travels with it), so jurisdiction
        // needs no second look-up of the unit; any other view is asked its two questions. AuthorityProperties checks that
        // both give the same answers.
        var index = view as AuthorityIndex;
        int post = index is not null ? index.FindPost(actor.MemberId, actor.Role, actor.Unit)
            : view.HoldsPost(actor.MemberId, actor.Role, actor.Unit) ? 0 : -1;
        if (post < 0)
        {
            return Outcome.NoPost;
        }
        if (rule.RefusesSelfDealing && IsOwnOrHandled(subject, actor.MemberId))
        {
            return Outcome.OwnMatterInPost;
        }
        if (rule.Scope is PostScope.TopLevel or PostScope.Unit)
        {
            return DecideScope(rule, actor, subject, view);
        }
        if (subject.Node is not { } node)
        {
            return Outcome.NoNode;
        }
        bool covers = index is not null
            ? index.CoversFromPost(post, node, rule.IncludesDualRegistrations)
            : view.Covers(actor.Unit, node, rule.IncludesDualRegistrations);
        return covers ? Outcome.WithinJurisdiction : Outcome.OutsideJurisdiction;
    }

    private static bool IsOwnOrHandled(IAuthoritySubject subject, MemberId member) => subject.Owner == member || subject.HasHandled(member);

    // Out of line: a post that must be held on a top-level unit or on the matter's own unit is the rare rule.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Outcome DecideScope(AuthorityRule rule, Actor actor, IAuthoritySubject subject, IAuthorityView view) =>
        rule.Scope == PostScope.TopLevel
            ? (view.IsTopLevel(actor.Unit) ? Outcome.TopLevelPost : Outcome.NotTopLevel)
            : (subject.Node is { } own && own == (NodeRef)actor.Unit ? Outcome.OwnUnitPost : Outcome.NotOwnUnit);

    // Plain loops: the rows hold a handful of roles, and ImmutableArray.Contains goes through a generic comparer for each
    // element. A well-known role's code is one string wherever the role was made (RoleKind keeps the literal), so the
    // first pass finds it by reference and compares no characters with the other roles of the row; a city's own roles
    // are found by the second.
    private static bool Contains(ImmutableArray<RoleKind> roles, RoleKind role)
    {
        var span = roles.AsSpan();
        foreach (var r in span)
        {
            if (ReferenceEquals(r.Code, role.Code))
            {
                return true;
            }
        }
        foreach (var r in span)
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
    private static AuthorityDecision Refuse(Outcome why, Capability capability, Actor actor, IAuthoritySubject subject, IAuthorityView view) =>
        AuthorityDecision.Refuse(why switch
        {
            Outcome.NoRule => $"No rule of the authority table grants '{capability}'.",
            Outcome.SystemMayNot => $"The system may not use '{capability}'; a person must.",
            Outcome.ResidentsMayNot => $"Residents may not use '{capability}'.",
            Outcome.DepartmentsMayNot => $"Departments may not use '{capability}'.",
            Outcome.NotSummoned => $"Department {actor.Department} is not summoned on {subject.Label}.",
            Outcome.NeedsPost => $"'{capability}' needs a post; {actor} holds none for it.",
            Outcome.NotOnRoster => $"{actor.MemberId} is not on the roster on {view.AsOf:yyyy-MM-dd}.",
            Outcome.Handled => $"{actor.MemberId} handled {subject.Label} and may not use '{capability}' on it.",
            Outcome.NotOwn => $"{subject.Label} is not {actor}'s own matter; '{capability}' in person is for one's own matter only.",
            Outcome.RoleMayNot => $"The role {actor.Role} may not use '{capability}'.",
            Outcome.NoPost => $"{actor.MemberId} does not hold the post {actor.Role} of {actor.Unit} on {view.AsOf:yyyy-MM-dd}.",
            Outcome.OwnMatterInPost => $"{actor.MemberId} may not use '{capability}' on their own matter {subject.Label}.",
            Outcome.NotTopLevel => $"'{capability}' needs a post on a top-level unit; {actor.Unit} is not one.",
            Outcome.NotOwnUnit => $"'{capability}' needs a post on the matter's own unit; {actor.Unit} is not it.",
            Outcome.NoNode => $"{subject.Label} has no place in the tree to check jurisdiction against.",
            Outcome.OutsideJurisdiction => $"{subject.Label} is outside the jurisdiction of {actor.Unit} on {view.AsOf:yyyy-MM-dd}.",
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        });

    /// <summary>What a deciding method found: an allowed outcome (with a reason in <see cref="AllowedReasons"/>) or a refusal.</summary>
    private enum Outcome
    {
        SystemAllowed,
        DepartmentSummoned,
        AnyoneInPerson,
        OwnMatter,
        TopLevelPost,
        OwnUnitPost,
        WithinJurisdiction,

        /// <summary>The first refusal; every outcome from here on refuses.</summary>
        FirstRefusal,
        NoRule = FirstRefusal,
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
        OwnMatterInPost,
        NotTopLevel,
        NotOwnUnit,
        NoNode,
        OutsideJurisdiction,
    }
}
