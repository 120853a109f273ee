using GridGovernance;
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
        await organisation.ImportAsync(new RosterBatch
        {
            Units =
            [
                new UnitDraft(district, UnitKind.District, "莱芜区", null),
                new UnitDraft(street, UnitKind.Street, "凤城街道", district),
                new UnitDraft(community, UnitKind.Community, "新东方华庭社区", street),
                new UnitDraft(grid, UnitKind.GridBranch, "第一网格党支部", community) { GridBranchKind = GridBranchKind.DirectlyManaged },
                new UnitDraft(building, UnitKind.PartyGroup, "1号楼党小组", grid) { PartyGroupKind = PartyGroupKind.Building },
            ],
            Members = [new MemberDraft(new MemberId(1), "张明", MemberKind.LongResident, new LocalDate(1998, 7, 1), building)],
            Households = [new HouseholdDraft(new HouseholdId(1), grid, "1号楼1单元101")],
        }, day);

        var index = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(day);
        Assert.True(index.IsWithinJurisdiction(street, new HouseholdId(1)));
        Assert.Equal("unit:1 → unit:2 → unit:3 → unit:4 → unit:5 → member:1", string.Join(" → ", index.PathTo(new MemberId(1))));
    }
}
