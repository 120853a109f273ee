using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Authority;
using GridGovernance.Organisation;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for authority properties: <see cref="AuthorityScenario"/>s over small generated cities with
/// posts, a regional committee, rotating chair and dual registrations, and questions about them. Use with
/// <c>[Property(Arbitrary = new[] { typeof(AuthorityArbitraries) })]</c>.
/// </summary>
public static class AuthorityArbitraries
{
    private static readonly RoleKind[] RoleChoices =
    [
        RoleKind.Secretary, RoleKind.CommitteeMember, RoleKind.GridHead, RoleKind.GridWorker, RoleKind.GroupLeader,
        RoleKind.Cashier, RoleKind.Liaison, RoleKind.PartTimeCommitteeMember, RoleKind.RotatingChair,
    ];

    private static readonly string[] Departments = ["market-regulation", "city-management", "housing"];

    /// <summary>Scenarios over cities with at least two members.</summary>
    public static Arbitrary<AuthorityScenario> Scenario() => ScenarioGen().ToArbitrary();

    /// <summary>The generator behind <see cref="Scenario"/>.</summary>
    public static Gen<AuthorityScenario> ScenarioGen() =>
        from city in HierarchyArbitraries.CityGen().Where(c => c.Roster.Members.Count >= 2)
        from roles in RolesGen(city)
        from spanMask in Gen.Choose(0, int.MaxValue)
        from chairPick in Gen.Choose(-1, city.Roster.Members.Count - 1)
        from registrationPicks in Gen.Choose(0, city.Roster.Members.Count - 1).Two().ListOf()
        let committee = new OrgUnitId(city.Roster.Units.Max(u => u.Id.Value) + 1)
        let street = city.Roster.Units.First(u => u.Kind == UnitKind.Street).Id
        let communities = city.Roster.Units.Where(u => u.Kind == UnitKind.Community).Select(u => u.Id).ToArray()
        let spans = communities.Where((c, i) => (spanMask >> (i % 31) & 1) == 1).ToArray()
        let roster = city.Roster with
        {
            Units = [.. city.Roster.Units, new UnitDraft(committee, UnitKind.RegionalCommittee, "区域党委", street)],
            Roles = roles,
        }
        let withPosts = city with { Roster = roster }
        let chair = chairPick < 0 ? (MemberId?)null : city.Roster.Members[chairPick].Id
        let registrations = registrationPicks.Select(p => (city.Roster.Members[p.Item1].Id, communities[p.Item2 % communities.Length]))
            .DistinctBy(r => r.Item1).ToArray()
        from queries in QueryGen(withPosts, committee, chair).ListOf()
        select new AuthorityScenario(withPosts, committee, spans, chair, registrations, [.. queries.Take(40)]);

    private static Gen<RoleDraft[]> RolesGen(GeneratedCity city)
    {
        var members = city.Roster.Members;
        var units = city.Roster.Units;
        return (from m in Gen.Choose(0, members.Count - 1)
                from r in Gen.Elements(RoleChoices.Where(r => r != RoleKind.RotatingChair).ToArray())
                from u in Gen.Choose(0, units.Count - 1)
                select new RoleDraft(members[m].Id, r, units[u].Id))
            .ListOf()
            .Select(list => list.DistinctBy(r => (r.MemberId, r.Role, r.UnitId)).ToArray());
    }

    private static Gen<AuthorityQuery> QueryGen(GeneratedCity city, OrgUnitId committee, MemberId? chair)
    {
        var members = city.Roster.Members.Select(m => m.Id).Append(new MemberId(int.MaxValue)).ToArray();
        var units = city.Roster.Units.Select(u => u.Id).ToArray();
        var households = city.Roster.Households.Select(h => h.Id).ToArray();
        var held = city.Roster.Roles.Select(r => Actor.Post(r.MemberId, r.Role, r.UnitId))
            .Concat(chair is MemberId c ? [Actor.Post(c, RoleKind.RotatingChair, committee)] : [])
            .ToArray();
        var anyPost = from m in Gen.Elements(members)
                      from r in Gen.Elements(RoleChoices)
                      from u in Gen.Elements(units)
                      select Actor.Post(m, r, u);
        var actor = Gen.Frequency(
            (held.Length > 0 ? 5 : 0, held.Length > 0 ? Gen.Elements(held) : anyPost),
            (2, anyPost),
            (2, Gen.Elements(members).Select(Actor.Member)),
            (1, Gen.Elements("13800001234", "13900004321").Select(Actor.Resident)),
            (1, Gen.Elements(Departments).Select(d => Actor.Officer(d, "officer"))),
            (1, Gen.Constant(Actor.System("scheduler"))));
        var node = Gen.Frequency(
            (3, Gen.Elements(members).Select(m => (NodeRef)m)),
            (2, Gen.Elements(units).Select(u => (NodeRef)u)),
            (households.Length > 0 ? 1 : 0, households.Length > 0 ? Gen.Elements(households).Select(h => (NodeRef)h) : Gen.Elements(units).Select(u => (NodeRef)u)));
        return from a in actor
               from capability in Gen.Elements(Capabilities.All.ToArray())
               from n in node
               from ownerKind in Gen.Choose(0, 3)
               from filedByActor in Gen.Elements(true, false)
               from handledByActor in Gen.Elements(true, false, false)
               from summoned in Gen.SubListOf(Departments)
               let owner = ownerKind switch
               {
                   0 => (MemberId?)null,
                   1 when a.IsMember => a.MemberId,
                   _ => n.Kind == NodeKind.Member ? n.AsMember() : null,
               }
               select new AuthorityQuery(a, capability, new AuthoritySubject("matter")
               {
                   Node = n,
                   Owner = owner,
                   Filer = filedByActor ? a.AuditName : "resident:someone-else",
                   Handlers = handledByActor && a.IsMember ? [a.MemberId] : [],
                   Departments = [.. summoned],
               });
    }
}
