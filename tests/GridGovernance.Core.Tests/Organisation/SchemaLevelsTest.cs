using GridGovernance.Organisation;

namespace GridGovernance.Tests.Organisation;

/// <summary>Levels, grid kinds and whistle kinds come from the schema (issue 13: schema-driven kinds).</summary>
public class SchemaLevelsTest
{
    [Fact]
    public void Presets_PutTheSpineAtItsLevels_AndEveryGridKindAtTheGridLevel()
    {
        Assert.All(HierarchySchemas.All, schema =>
        {
            Assert.Equal(UnitLevel.District, schema.LevelOf(UnitKind.District));
            Assert.Equal(UnitLevel.Street, schema.LevelOf(UnitKind.Street));
            Assert.Equal(UnitLevel.Street, schema.LevelOf(UnitKind.Town));
            Assert.Equal(UnitLevel.Community, schema.LevelOf(UnitKind.Community));
            Assert.All(schema.GridKinds, g => Assert.Equal(UnitLevel.Grid, schema.LevelOf(g)));
            Assert.Contains(schema.GridKind, schema.GridKinds);
            Assert.Null(schema.LevelOf(UnitKind.RegionalCommittee));
            Assert.Null(schema.LevelOf(UnitKind.FunctionalBranch));
            Assert.True(schema.Allows(UnitKind.Community, UnitKind.Town));
            Assert.True(schema.Allows(UnitKind.Town, UnitKind.District));
            // 镇街吹哨: towns and streets blow the whistle, as do communities and the district; grids do not.
            Assert.Equal(new HashSet<UnitKind> { UnitKind.Community, UnitKind.Street, UnitKind.Town, UnitKind.District }, schema.WhistleKinds.ToHashSet());
            Assert.All(schema.GridKinds, g => Assert.False(schema.MayWhistle(g)));
        });
    }

    [Fact]
    public void Shantou_TheBranchIsTheGrid_AndAGroupIsBesideTheLevels()
    {
        var shantou = HierarchySchemas.Shantou;
        Assert.Equal([UnitKind.Branch], shantou.GridKinds);
        Assert.Equal(UnitLevel.Grid, shantou.LevelOf(UnitKind.Branch));
        Assert.Null(shantou.LevelOf(UnitKind.PartyGroup));
        Assert.Equal(new[] { UnitKind.Street, UnitKind.Town }, shantou.KindsAt(UnitLevel.Street).ToArray());
    }

    [Fact]
    public void Wanshan_BranchesAndGroupsAreBothGrids()
    {
        var wanshan = HierarchySchemas.Wanshan;
        Assert.Equal(UnitKind.GridBranch, wanshan.GridKind);
        Assert.Equal(new HashSet<UnitKind> { UnitKind.GridBranch, UnitKind.PartyGroup }, wanshan.GridKinds.ToHashSet());
        Assert.True(wanshan.IsGrid(UnitKind.PartyGroup));
        Assert.False(HierarchySchemas.Standard.IsGrid(UnitKind.PartyGroup));
        Assert.True(wanshan.Allows(UnitKind.PartyGroup, UnitKind.Community));
        Assert.Equal(new[] { UnitKind.GridBranch, UnitKind.PartyGroup }, wanshan.KindsAt(UnitLevel.Grid).ToArray());
    }

    [Fact]
    public void OwnKinds_TakeTheLevelTheSchemaGives_AndWhistlesCanBeNarrowed()
    {
        var village = new UnitKind("village");
        var township = new UnitKind("township");
        var schema = HierarchySchema.CreateBuilder("Rural")
            .Root(UnitKind.District)
            .Under(township, UnitKind.District)
            .Under(village, township)
            .Level(UnitLevel.Street, township)
            .MembersIn(village)
            .HouseholdsIn(village)
            .Grid(village)
            .Whistles(township)
            .Build();

        Assert.Equal(UnitLevel.Street, schema.LevelOf(township));
        Assert.Equal(UnitLevel.Grid, schema.LevelOf(village));
        Assert.True(schema.MayWhistle(township));
        Assert.False(schema.MayWhistle(UnitKind.District)); // the schema's list replaces the default
        Assert.Equal([township], schema.WhistleKinds);
        Assert.Null(schema.LevelOf(UnitKind.Street)); // not defined by this schema
    }

    [Fact]
    public void Build_ListsEveryLevelAndWhistleProblem()
    {
        var mine = new UnitKind("mine");
        var e = Assert.Throws<GridGovernanceValidationException>(() => HierarchySchema.CreateBuilder("Broken")
            .Root(UnitKind.District)
            .Under(UnitKind.GridBranch, UnitKind.District)
            .MembersIn(UnitKind.GridBranch)
            .HouseholdsIn(UnitKind.GridBranch)
            .Grid(UnitKind.GridBranch)
            .Level(UnitLevel.Street, mine)
            .Level(UnitLevel.Community, UnitKind.GridBranch)
            .Level(UnitLevel.District, UnitKind.GridBranch)
            .Whistles(UnitKind.Town)
            .Build());

        var found = e.Problems.Select(p => (p.Field, p.Key, p.Rule)).ToHashSet();
        Assert.Contains(("Levels", "mine", ErrorCodes.UnknownUnitKind), found);
        Assert.Contains(("Levels", "grid-branch", ErrorCodes.InvalidValue), found); // two levels, and a grid kind off the grid level
        Assert.Contains(("WhistleKinds", "town", ErrorCodes.UnknownUnitKind), found);
    }

    [Fact]
    public void Grid_ManyKinds_FirstIsTheMainOne_AndRepeatsCountOnce()
    {
        var schema = HierarchySchema.CreateBuilder("Two grids")
            .Root(UnitKind.Community)
            .Under(UnitKind.PartyGroup, UnitKind.Community)
            .Under(UnitKind.GridBranch, UnitKind.Community)
            .MembersIn(UnitKind.PartyGroup)
            .HouseholdsIn(UnitKind.PartyGroup)
            .Grid(UnitKind.PartyGroup)
            .Grid(UnitKind.GridBranch, UnitKind.PartyGroup)
            .Build();
        Assert.Equal(UnitKind.PartyGroup, schema.GridKind);
        Assert.Equal(2, schema.GridKinds.Count);
    }

    [Fact]
    public void Wanshan_65Grids_5BranchesAnd60Groups_AGroupUnderABranchIsPartOfIt()
    {
        var day = new NodaTime.LocalDate(2024, 1, 1);
        var units = new List<UnitDraft>
        {
            new(new OrgUnitId(1), UnitKind.District, "万山区", null),
            new(new OrgUnitId(10), UnitKind.Street, "谢桥街道", new OrgUnitId(1)),
            new(new OrgUnitId(100), UnitKind.Community, "冲广坪社区", new OrgUnitId(10)),
        };
        for (int i = 0; i < 5; i++)
        {
            units.Add(new(new OrgUnitId(1000 + i), UnitKind.GridBranch, $"网格党支部{i + 1}", new OrgUnitId(100)));
        }
        for (int i = 0; i < 60; i++)
        {
            units.Add(new(new OrgUnitId(2000 + i), UnitKind.PartyGroup, $"网格党小组{i + 1}", new OrgUnitId(100)));
        }
        units.Add(new(new OrgUnitId(3000), UnitKind.PartyGroup, "楼栋党小组", new OrgUnitId(1000))); // under a branch: part of its grid
        var orgUnits = units.Select(u => OrgUnit.Create(u, day)).ToList();
        var members = new[]
        {
            Member.Create(new MemberDraft(new MemberId(1), "张一", MemberKind.LongResident, new NodaTime.LocalDate(2001, 7, 1), new OrgUnitId(3000)), day),
            Member.Create(new MemberDraft(new MemberId(2), "李二", MemberKind.LongResident, new NodaTime.LocalDate(2001, 7, 1), new OrgUnitId(2000)), day),
        };
        var index = HierarchyIndex.Build(orgUnits, members, [], day);

        var wanshan = CoverageCalculator.Compute(index, HierarchySchemas.Wanshan, [], new GridHouseholdBand(0, 300));
        Assert.Equal(65, wanshan.Grids);
        Assert.Equal(2, wanshan.MembersInGrids); // the member of the group under a branch counts once, in the branch's grid

        var standard = CoverageCalculator.Compute(index, HierarchySchemas.Standard, [], new GridHouseholdBand(0, 300));
        Assert.Equal(5, standard.Grids); // the same tree read with one grid kind
        Assert.Equal(1, standard.MembersInGrids);
    }
}
