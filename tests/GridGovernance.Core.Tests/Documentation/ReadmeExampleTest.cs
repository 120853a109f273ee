using GridGovernance;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ReadmeExample;

/// <summary>The usage example of README.md, kept in step with it, so the README shows code that runs.</summary>
public sealed class ReadmeExampleTest
{
    [Fact]
    public async Task UsageExample_RunsAndPrintsWhatTheReadmeSays()
    {
        var services = new ServiceCollection()
            .AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu)
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();

        var day = new LocalDate(2024, 1, 1);
        OrgUnitId district = new(1), street = new(2), community = new(3), grid = new(4), building = new(5);
        // The first import, into an empty store, is the system's: nobody holds a post yet.
        await organisation.ImportAsync(Actor.System("import"), new RosterBatch
        {
            Units =
            [
                new UnitDraft(district, UnitKind.District, "莱芜区", null),
                new UnitDraft(street, UnitKind.Street, "凤城街道", district),
                new UnitDraft(community, UnitKind.Community, "新东方华庭社区", street),
                new UnitDraft(grid, UnitKind.GridBranch, "第一网格党支部", community) { GridBranchKind = GridBranchKind.DirectlyManaged },
                new UnitDraft(building, UnitKind.PartyGroup, "1号楼党小组", grid) { PartyGroupKind = PartyGroupKind.Building },
            ],
            Members =
            [
                new MemberDraft(new MemberId(1), "张明", MemberKind.LongResident, new LocalDate(1998, 7, 1), building),
                new MemberDraft(new MemberId(2), "李华", MemberKind.LongResident, new LocalDate(2005, 7, 1), grid),
            ],
            Households = [new HouseholdDraft(new HouseholdId(1), grid, "1号楼1单元101")],
            Roles = [new RoleDraft(new MemberId(2), RoleKind.Secretary, community)],   // 李华 is the community's secretary (社区书记)
        }, day);

        // From then on people act in their posts (岗位): the community secretary registers a household in her grid …
        var secretary = Actor.Post(new MemberId(2), RoleKind.Secretary, community);
        await organisation.AddHouseholdAsync(secretary, new HouseholdDraft(new HouseholdId(2), grid, "1号楼1单元102"), day);
        // … but renaming the street above her is not hers to do: refused, and nothing changes.
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => organisation.RenameUnitAsync(secretary, street, "凤城街道办", day));
        Assert.Equal("organisation.forbidden", refused.Code);

        var index = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(day);
        Assert.True(index.IsWithinJurisdiction(street, new HouseholdId(2)));
        Assert.Equal("unit:1 → unit:2 → unit:3 → unit:4 → unit:5 → member:1", string.Join(" → ", index.PathTo(new MemberId(1))));
        Assert.Equal("凤城街道", (await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().GetUnitAsync(street)).Name);
    }
}
