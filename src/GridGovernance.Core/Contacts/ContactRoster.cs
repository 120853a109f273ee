using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>
/// The contact-plan input taken from the roster as of the index's date, and what could not be taken (never silently
/// dropped): households and members without a location, or not under a grid and a community.
/// </summary>
/// <param name="Households">The households to plan.</param>
/// <param name="Members">The members to plan with.</param>
/// <param name="HouseholdsLeftOut">Households on the roster that cannot be planned (no location, no grid or community above them).</param>
/// <param name="MembersLeftOut">Members on the roster that cannot take households (no location, no grid or community).</param>
[Immutable]
public sealed record ContactRoster(
    ImmutableArray<ContactHousehold> Households,
    ImmutableArray<ContactMember> Members,
    ImmutableArray<HouseholdId> HouseholdsLeftOut,
    ImmutableArray<MemberId> MembersLeftOut)
{
    /// <summary>
    /// Reads the roster: a household's grid and community are the nearest units of the schema's grid kind and of
    /// kind community at or above its unit; a member's are those of their primary branch, except that an in-service
    /// member registered with a community (双报到) serves that community, with the community itself as their grid (so
    /// their links count as cross-grid).
    /// </summary>
    /// <param name="index">The hierarchy as of the date.</param>
    /// <param name="schema">The schema (for the grid kind).</param>
    /// <param name="members">The members.</param>
    /// <param name="households">The households.</param>
    /// <returns>The input, in id order.</returns>
    public static ContactRoster From(HierarchyIndex index, HierarchySchema schema, IEnumerable<Member> members, IEnumerable<Household> households)
    {
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(schema);
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(households);
        var date = index.AsOf;
        var hs = ImmutableArray.CreateBuilder<ContactHousehold>();
        var hsOut = ImmutableArray.CreateBuilder<HouseholdId>();
        foreach (var h in households.OrderBy(h => h.Id))
        {
            if (h.UnitOn(date) is not OrgUnitId unit || !index.Contains(unit))
            {
                continue;
            }
            var (grid, community) = Place(index, schema, unit);
            if (h.Location is GeoPoint location && grid is OrgUnitId g && community is OrgUnitId c)
            {
                hs.Add(new ContactHousehold(h.Id, c, g, location));
            }
            else
            {
                hsOut.Add(h.Id);
            }
        }
        var ms = ImmutableArray.CreateBuilder<ContactMember>();
        var msOut = ImmutableArray.CreateBuilder<MemberId>();
        foreach (var m in members.OrderBy(m => m.Id))
        {
            if (m.BranchOn(date) is not OrgUnitId branch || !index.Contains(branch))
            {
                continue;
            }
            var (grid, community) = Place(index, schema, branch);
            if (m.Kind == MemberKind.InService)
            {
                var registration = m.RegistrationsOn(date).Select(r => r.Unit).Where(u => index.Contains(u) && schema.LevelOf(index.KindOf(u)) == UnitLevel.Community).Order().FirstOrDefault();
                if (registration.IsSpecified)
                {
                    (grid, community) = (registration, registration);
                }
            }
            if (m.Location is GeoPoint location && grid is OrgUnitId g && community is OrgUnitId c)
            {
                ms.Add(new ContactMember(m.Id, c, g, m.Kind, location));
            }
            else
            {
                msOut.Add(m.Id);
            }
        }
        return new ContactRoster(hs.ToImmutable(), ms.ToImmutable(), hsOut.ToImmutable(), msOut.ToImmutable());
    }

    private static (OrgUnitId? Grid, OrgUnitId? Community) Place(HierarchyIndex index, HierarchySchema schema, OrgUnitId unit)
    {
        OrgUnitId? grid = null, community = null;
        for (NodeRef? node = unit; node is NodeRef n && community is null; node = index.ParentOf(n))
        {
            var u = n.AsUnit();
            var kind = index.KindOf(u);
            if (schema.IsGrid(kind))
            {
                grid = u; // the outermost grid below the community: a grid under a grid is part of it
            }
            if (schema.LevelOf(kind) == UnitLevel.Community)
            {
                community = u;
            }
        }
        return (grid, community);
    }
}
