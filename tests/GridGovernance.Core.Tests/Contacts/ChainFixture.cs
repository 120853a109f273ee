using GridGovernance.Organisation;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Contacts;

/// <summary>A generated city as aggregates (roles applied), its index, roster input and contact plan.</summary>
internal sealed class ChainFixture
{
    internal ChainFixture(CitySize size, int seed, bool secretaries = true)
    {
        City = CityGenerator.Generate(size, seed);
        var date = City.Date;
        Units = City.Roster.Units.Select(u => OrgUnit.Create(u, date)).ToArray();
        Members = City.Roster.Members.Select(m => Member.Create(m, date)).ToArray();
        Households = City.Roster.Households.Select(h => Household.Create(h, date)).ToArray();
        var byId = Members.ToDictionary(m => m.Id);
        foreach (var role in City.Roster.Roles)
        {
            byId[role.MemberId].Assign(new RoleAssignment(role.Role, role.UnitId, role.Employment, new Validity(date, role.Until)));
        }
        if (secretaries)
        {
            // The generator names a secretary for every unit unless its vacancy rate leaves the post empty: give every
            // community, street and district without one its lowest member id below it.
            var first = HierarchyIndex.Build(Units, Members, Households, date);
            var held = Members.SelectMany(m => m.Roles).Where(r => r.Role == RoleKind.Secretary).Select(r => r.Unit).ToHashSet();
            foreach (var unit in Units.Where(u => (u.Kind == UnitKind.Community || u.Kind == UnitKind.Street || u.Kind == UnitKind.District) && !held.Contains(u.Id)))
            {
                var member = first.Descendants(unit.Id).Where(n => n.Kind == NodeKind.Member).Select(n => n.AsMember()).Order().First();
                byId[member].Assign(new RoleAssignment(RoleKind.Secretary, unit.Id, Employment.PartTime, new Validity(date)));
            }
        }
        Index = HierarchyIndex.Build(Units, Members, Households, date);
        Roster = GridGovernance.Contacts.ContactRoster.From(Index, City.Schema, Members, Households);
        Plan = GridGovernance.Contacts.ContactPlanEngine.Plan(Roster.Households, Roster.Members);
    }

    internal GeneratedCity City { get; }

    internal OrgUnit[] Units { get; }

    internal Member[] Members { get; }

    internal Household[] Households { get; }

    internal HierarchyIndex Index { get; }

    internal GridGovernance.Contacts.ContactRoster Roster { get; }

    internal GridGovernance.Contacts.ContactPlan Plan { get; }
}
