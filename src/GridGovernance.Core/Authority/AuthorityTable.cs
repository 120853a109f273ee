using System.Collections.Frozen;
using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// The one table of who may do what: a rule per <see cref="Capability"/>. <see cref="Default"/> follows the case
/// reports (书记/委员 review declarations, 网格长 triage, 党小组长 keep contact logs, the filer rates); a city changes
/// the roles of a capability with <see cref="WithRoles"/> or a whole row with <see cref="With"/>. docs/concepts/authority.md
/// prints the default table.
/// </summary>
[Immutable]
public sealed class AuthorityTable
{
    private readonly ImmutableDictionary<Capability, AuthorityRule> rules;
    private readonly FrozenDictionary<string, AuthorityRule> byCode;

    // The rules of the well-known capabilities by slot (Capability.Slot), so deciding a command does not hash its code.
    private readonly AuthorityRule?[] bySlot;

    private AuthorityTable(ImmutableDictionary<Capability, AuthorityRule> rules)
    {
        this.rules = rules;
        byCode = rules.ToFrozenDictionary(r => r.Key.Code, r => r.Value, StringComparer.Ordinal);
        bySlot = new AuthorityRule?[Capabilities.Count + 1];
        foreach (var (capability, rule) in rules)
        {
            // A city's own capability has no slot (0) and is found by its code.
            if (Capabilities.SlotOf(capability.Code) is > 0 and var slot)
            {
                bySlot[slot] = rule;
            }
        }
    }

    /// <summary>The default table, from the case reports.</summary>
    public static AuthorityTable Default { get; } = CreateDefault();

    /// <summary>Every rule, in capability-code order.</summary>
    public IEnumerable<AuthorityRule> Rules => rules.Values.OrderBy(r => r.Capability.Code, StringComparer.Ordinal);

    /// <summary>The rule of a capability.</summary>
    /// <param name="capability">The capability.</param>
    /// <exception cref="KeyNotFoundException">The table has no rule for it.</exception>
    public AuthorityRule this[Capability capability] =>
        rules.TryGetValue(capability, out var rule) ? rule : throw new KeyNotFoundException($"The authority table has no rule for '{capability}'.");

    /// <summary>The rule of a capability, if the table has one.</summary>
    /// <param name="capability">The capability.</param>
    /// <param name="rule">The rule.</param>
    public bool TryGetRule(Capability capability, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AuthorityRule? rule)
    {
        rule = RuleOf(capability);
        return rule is not null;
    }

    /// <summary>The rule of a capability, or <c>null</c>: <see cref="TryGetRule"/> without an out parameter, which would keep
    /// a decision's rule on the stack rather than in a register.</summary>
    internal AuthorityRule? RuleOf(Capability capability)
    {
        if (capability.Code is null)
        {
            return null;
        }
        if (capability.Slot > 0)
        {
            return bySlot[capability.Slot];
        }
        return byCode.TryGetValue(capability.Code, out var rule) ? rule : null;
    }

    /// <summary>A table with one rule replaced (or added).</summary>
    /// <param name="rule">The rule.</param>
    public AuthorityTable With(AuthorityRule rule)
    {
        Preconditions.CheckNotNull(rule);
        return new AuthorityTable(rules.SetItem(rule.Capability, rule));
    }

    /// <summary>A table in which the posts that may use a capability are <paramref name="roles"/>.</summary>
    /// <param name="capability">The capability.</param>
    /// <param name="roles">The roles; empty for none.</param>
    /// <exception cref="KeyNotFoundException">The table has no rule for the capability.</exception>
    public AuthorityTable WithRoles(Capability capability, params RoleKind[] roles)
    {
        Preconditions.CheckNotNull(roles);
        return With(this[capability] with { Roles = [.. roles.Distinct()] });
    }

    private static AuthorityTable CreateDefault()
    {
        RoleKind[] reviewers = [RoleKind.Secretary, RoleKind.CommitteeMember, RoleKind.RotatingChair];
        RoleKind[] handlers = [RoleKind.Secretary, RoleKind.CommitteeMember, RoleKind.PartTimeCommitteeMember, RoleKind.GridHead, RoleKind.GridWorker, RoleKind.Liaison];
        RoleKind[] leads = [RoleKind.Secretary, RoleKind.GridHead];
        RoleKind[] secretary = [RoleKind.Secretary];
        AuthorityRule[] rows =
        [
            new(Capabilities.DeclarePoints) { InPerson = PersonAccess.OwnMatter },
            new(Capabilities.ReviewDeclaration) { Roles = [.. reviewers], IncludesDualRegistrations = true },
            new(Capabilities.RecordEntry) { Roles = [RoleKind.Secretary, RoleKind.CommitteeMember], System = true, IncludesDualRegistrations = true },
            new(Capabilities.DeclareUnitPoints) { Roles = [RoleKind.Secretary, RoleKind.CommitteeMember], Scope = PostScope.Unit },
            new(Capabilities.ReverseEntry) { Roles = [.. secretary], System = true, IncludesDualRegistrations = true },
            new(Capabilities.PublishPeriod) { Roles = [.. secretary], Scope = PostScope.TopLevel },
            new(Capabilities.RaiseObjection) { InPerson = PersonAccess.OwnMatter },
            new(Capabilities.ResolveObjection) { Roles = [.. secretary], Scope = PostScope.TopLevel },
            // The rule book's owner is the district or street that adopts it: its secretary, or one above it.
            new(Capabilities.ManageRuleBooks) { Roles = [.. secretary], System = true },
            new(Capabilities.CreditAccount) { Roles = [RoleKind.Secretary, RoleKind.Cashier], System = true },
            new(Capabilities.Redeem) { Roles = [RoleKind.Cashier], InPerson = PersonAccess.OwnMatter },
            new(Capabilities.ManageRewards) { Roles = [RoleKind.Secretary, RoleKind.Cashier], Scope = PostScope.TopLevel },
            new(Capabilities.FileOrder) { InPerson = PersonAccess.Anyone, Residents = true, System = true, Roles = [.. handlers] },
            new(Capabilities.TriageOrder) { Roles = [.. leads], System = true },
            new(Capabilities.ClaimOrder) { Roles = [.. handlers] },
            new(Capabilities.TransferOrder) { Roles = [.. leads] },
            new(Capabilities.SuperviseOrder) { Roles = [RoleKind.Secretary, RoleKind.CommitteeMember], System = true },
            new(Capabilities.EscalateOrder) { Roles = [.. leads], System = true },
            new(Capabilities.WhistleOrder) { Roles = [.. secretary] },
            new(Capabilities.DepartmentReport) { SummonedDepartments = true },
            new(Capabilities.ResolveOrder) { Roles = [.. handlers] },
            new(Capabilities.RateOrder) { InPerson = PersonAccess.OwnMatter, Residents = true },
            new(Capabilities.CloseOrder) { Roles = [.. leads], System = true },
            new(Capabilities.ProposeProject) { Roles = [.. reviewers] },
            new(Capabilities.ClaimProject) { Roles = [.. secretary], Scope = PostScope.Unit },
            new(Capabilities.MatchProjects) { Roles = [RoleKind.Secretary, RoleKind.RotatingChair] },
            new(Capabilities.CompleteProject) { Roles = [.. reviewers], System = true },
            new(Capabilities.ClaimWish) { InPerson = PersonAccess.Anyone },
            new(Capabilities.LogContact) { InPerson = PersonAccess.OwnMatter, Roles = [RoleKind.GroupLeader, RoleKind.Secretary] },
            new(Capabilities.ImportRoster) { Roles = [.. secretary], Scope = PostScope.TopLevel, System = true },
            new(Capabilities.RestructureUnits) { Roles = [.. secretary], System = true },
            new(Capabilities.ManageMembers) { Roles = [RoleKind.Secretary, RoleKind.CommitteeMember], System = true },
            new(Capabilities.AssignRoles) { Roles = [.. secretary], System = true },
        ];
        return new AuthorityTable(rows.ToImmutableDictionary(r => r.Capability));
    }
}
