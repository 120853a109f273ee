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
    public static AuthorityDecision Decide(AuthorityTable table, Actor actor, Capability capability, AuthoritySubject subject, IAuthorityView view)
    {
        Preconditions.CheckNotNull(table);
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(subject);
        Preconditions.CheckNotNull(view);
        if (!table.TryGetRule(capability, out var rule))
        {
            return AuthorityDecision.Refuse($"No rule of the authority table grants '{capability}'.");
        }
        return actor.Kind switch
        {
            ActorKind.System => rule.System
                ? AuthorityDecision.Allow(SystemAllowed)
                : AuthorityDecision.Refuse($"The system may not use '{capability}'; a person must."),
            ActorKind.DepartmentOfficer => DecideDepartment(rule, actor, subject),
            ActorKind.Resident => rule.Residents ? DecideInPerson(rule, actor, subject, view) : AuthorityDecision.Refuse($"Residents may not use '{capability}'."),
            ActorKind.Member => DecideInPerson(rule, actor, subject, view),
            _ => DecidePost(rule, actor, subject, view),
        };
    }

    private static AuthorityDecision DecideDepartment(AuthorityRule rule, Actor actor, AuthoritySubject subject)
    {
        if (!rule.SummonedDepartments)
        {
            return AuthorityDecision.Refuse($"Departments may not use '{rule.Capability}'.");
        }
        return subject.Departments.Contains(actor.Department!, StringComparer.Ordinal)
            ? AuthorityDecision.Allow(DepartmentSummoned)
            : AuthorityDecision.Refuse($"Department {actor.Department} is not summoned on {subject.Label}.");
    }

    private static AuthorityDecision DecideInPerson(AuthorityRule rule, Actor actor, AuthoritySubject subject, IAuthorityView view)
    {
        if (rule.InPerson == PersonAccess.None)
        {
            return AuthorityDecision.Refuse($"'{rule.Capability}' needs a post; {actor} holds none for it.");
        }
        if (actor.IsMember && !view.IsOnRoster(actor.MemberId))
        {
            return AuthorityDecision.Refuse($"{actor.MemberId} is not on the roster on {view.AsOf:yyyy-MM-dd}.");
        }
        if (rule.RefusesSelfDealing && actor.IsMember && subject.Handlers.Contains(actor.MemberId))
        {
            return AuthorityDecision.Refuse($"{actor.MemberId} handled {subject.Label} and may not use '{rule.Capability}' on it.");
        }
        if (rule.InPerson == PersonAccess.Anyone)
        {
            return AuthorityDecision.Allow(AnyoneInPerson);
        }
        bool own = string.Equals(subject.Filer, actor.AuditName, StringComparison.Ordinal)
            || (actor.IsMember && subject.Owner == actor.MemberId);
        return own
            ? AuthorityDecision.Allow(OwnMatter)
            : AuthorityDecision.Refuse($"{subject.Label} is not {actor}'s own matter; '{rule.Capability}' in person is for one's own matter only.");
    }

    private static AuthorityDecision DecidePost(AuthorityRule rule, Actor actor, AuthoritySubject subject, IAuthorityView view)
    {
        if (!rule.Roles.Contains(actor.Role))
        {
            return AuthorityDecision.Refuse($"The role {actor.Role} may not use '{rule.Capability}'.");
        }
        if (!view.HoldsPost(actor.MemberId, actor.Role, actor.Unit))
        {
            return AuthorityDecision.Refuse($"{actor.MemberId} does not hold the post {actor.Role} of {actor.Unit} on {view.AsOf:yyyy-MM-dd}.");
        }
        if (rule.RefusesSelfDealing && (subject.Owner == actor.MemberId || subject.Handlers.Contains(actor.MemberId)))
        {
            return AuthorityDecision.Refuse($"{actor.MemberId} may not use '{rule.Capability}' on their own matter {subject.Label}.");
        }
        switch (rule.Scope)
        {
            case PostScope.TopLevel:
                return view.IsTopLevel(actor.Unit)
                    ? AuthorityDecision.Allow(TopLevelPost)
                    : AuthorityDecision.Refuse($"'{rule.Capability}' needs a post on a top-level unit; {actor.Unit} is not one.");
            case PostScope.Unit:
                return subject.Node is { } own && own == (Organisation.NodeRef)actor.Unit
                    ? AuthorityDecision.Allow(OwnUnitPost)
                    : AuthorityDecision.Refuse($"'{rule.Capability}' needs a post on the matter's own unit; {actor.Unit} is not it.");
            default:
                if (subject.Node is not { } node)
                {
                    return AuthorityDecision.Refuse($"{subject.Label} has no place in the tree to check jurisdiction against.");
                }
                return view.Covers(actor.Unit, node, rule.IncludesDualRegistrations)
                    ? AuthorityDecision.Allow(WithinJurisdiction)
                    : AuthorityDecision.Refuse($"{subject.Label} is outside the jurisdiction of {actor.Unit} on {view.AsOf:yyyy-MM-dd}.");
        }
    }
}
