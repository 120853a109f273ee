using GridGovernance.Organisation;

namespace GridGovernance.Tests.Organisation;

public class HierarchySchemaTest
{
    [Fact]
    public void Presets_Build()
    {
        Assert.Equal(["Standard", "Laiwu", "Shantou", "Huainan", "Wanshan"], HierarchySchemas.All.Select(s => s.Name));
        Assert.All(HierarchySchemas.All, schema =>
        {
            Assert.Equal([UnitKind.District], schema.RootKinds);
            Assert.True(schema.Allows(UnitKind.Street, UnitKind.District));
            Assert.True(schema.Allows(UnitKind.Community, UnitKind.Street));
            Assert.True(schema.Allows(UnitKind.RegionalCommittee, UnitKind.Street));
            Assert.Contains(schema.GridKind, schema.Kinds);
            Assert.Contains(schema.GridKind, schema.HouseholdKinds);
            Assert.Contains(schema.GridKind, schema.MemberKinds);
        });
    }

    [Fact]
    public void Laiwu_Chain()
    {
        var laiwu = HierarchySchemas.Laiwu;

        Assert.Equal(UnitKind.GridBranch, laiwu.GridKind);
        Assert.True(laiwu.Allows(UnitKind.GridBranch, UnitKind.Community));
        Assert.True(laiwu.Allows(UnitKind.PartyGroup, UnitKind.GridBranch));
        Assert.False(laiwu.Allows(UnitKind.PartyGroup, UnitKind.Community));
        Assert.False(laiwu.Allows(UnitKind.Community, UnitKind.GridBranch));
        Assert.Contains(UnitKind.PartyGroup, laiwu.MemberKinds);
        Assert.DoesNotContain(UnitKind.Community, laiwu.MemberKinds);
    }

    [Fact]
    public void Shantou_GroupsUnderBranchOrCommunity()
    {
        var shantou = HierarchySchemas.Shantou;

        Assert.Equal(UnitKind.Branch, shantou.GridKind);
        Assert.True(shantou.Allows(UnitKind.PartyGroup, UnitKind.Community));
        Assert.True(shantou.Allows(UnitKind.PartyGroup, UnitKind.Branch));
        Assert.False(shantou.Allows(UnitKind.GridBranch, UnitKind.Community));
        Assert.Equal(
            new HashSet<UnitKind> { UnitKind.Branch, UnitKind.Community },
            shantou.AllowedParentsOf(UnitKind.PartyGroup).ToHashSet());
    }

    [Fact]
    public void Huainan_HasNoPartyGroups()
    {
        Assert.DoesNotContain(UnitKind.PartyGroup, HierarchySchemas.Huainan.Kinds);
        Assert.Equal([UnitKind.GridBranch], HierarchySchemas.Huainan.HouseholdKinds);
    }

    [Fact]
    public void AllowedParentsOf_UnknownOrRoot_IsEmpty()
    {
        Assert.Empty(HierarchySchemas.Standard.AllowedParentsOf(new UnitKind("village")));
        Assert.Empty(HierarchySchemas.Standard.AllowedParentsOf(UnitKind.District));
        Assert.False(HierarchySchemas.Standard.Allows(new UnitKind("village"), UnitKind.District));
    }

    [Fact]
    public void Build_Custom()
    {
        var village = new UnitKind("village");
        var schema = HierarchySchema.CreateBuilder("Rural")
            .Root(UnitKind.District)
            .Under(village, UnitKind.District)
            .Under(village, village)
            .MembersIn(village)
            .HouseholdsIn(village)
            .Grid(village)
            .Build();

        Assert.Equal("Rural", schema.Name);
        Assert.True(schema.Allows(village, village));
        Assert.True(schema.Allows(village, UnitKind.District));
        Assert.Equal(2, schema.Kinds.Count);
        Assert.Equal(village, schema.GridKind);
    }

    [Fact]
    public void Build_ListsEveryProblemAtOnce()
    {
        var builder = HierarchySchema.CreateBuilder("Broken")
            .Under(UnitKind.Street, UnitKind.District)
            .Under(UnitKind.Community, UnitKind.Street, new UnitKind("town"));

        var exception = Assert.Throws<GridGovernanceValidationException>(builder.Build);

        Assert.Equal(ErrorCodes.ValidationFailed, exception.Code);
        Assert.Equal(
            [
                ("RootKinds", (string?)null, ErrorCodes.InvalidValue),
                ("Parents", "community", ErrorCodes.UnknownUnitKind),
                ("Parents", "street", ErrorCodes.UnknownUnitKind),
                ("GridKind", null, ErrorCodes.InvalidValue),
                ("MemberKinds", null, ErrorCodes.InvalidValue),
                ("HouseholdKinds", null, ErrorCodes.InvalidValue),
            ],
            exception.Problems.Select(p => (p.Field, p.Key, p.Rule)));
        Assert.Contains("'Broken'", exception.Message);
    }

    [Fact]
    public void Build_UndefinedGridMemberAndHouseholdKinds_Reported()
    {
        var builder = HierarchySchema.CreateBuilder("Loose")
            .Root(UnitKind.District)
            .MembersIn(UnitKind.GridBranch)
            .HouseholdsIn(UnitKind.District, UnitKind.PartyGroup)
            .Grid(UnitKind.GridBranch);

        var exception = Assert.Throws<GridGovernanceValidationException>(builder.Build);

        Assert.Equal(
            [("GridKind", "grid-branch", ErrorCodes.UnknownUnitKind), ("MemberKinds", "grid-branch", ErrorCodes.UnknownUnitKind), ("HouseholdKinds", "party-group", ErrorCodes.UnknownUnitKind)],
            exception.Problems.Select(p => (p.Field, p.Key, p.Rule)));
    }

    [Fact]
    public void Build_SchemaUnaffectedByLaterBuilderChanges()
    {
        var builder = HierarchySchema.CreateBuilder("Frozen")
            .Root(UnitKind.District)
            .Under(UnitKind.GridBranch, UnitKind.District)
            .MembersIn(UnitKind.GridBranch)
            .HouseholdsIn(UnitKind.GridBranch)
            .Grid(UnitKind.GridBranch);
        var schema = builder.Build();

        builder.Under(UnitKind.GridBranch, UnitKind.Street).Root(UnitKind.Street).MembersIn(UnitKind.Street);

        Assert.False(schema.Allows(UnitKind.GridBranch, UnitKind.Street));
        Assert.DoesNotContain(UnitKind.Street, schema.Kinds);
        Assert.DoesNotContain(UnitKind.Street, schema.MemberKinds);
    }

    [Fact]
    public void CreateBuilder_BlankName_Throws()
    {
        Assert.Throws<GridGovernanceValidationException>(() => HierarchySchema.CreateBuilder(" "));
        Assert.Throws<ArgumentNullException>(() => HierarchySchema.CreateBuilder(null!));
    }

    [Fact]
    public void UnitKind_And_RoleKind_CodeAndEquality()
    {
        Assert.Equal(UnitKind.GridBranch, new UnitKind("grid-branch"));
        Assert.Equal("grid-branch", UnitKind.GridBranch.ToString());
        Assert.Equal("", default(UnitKind).ToString());
        Assert.Throws<GridGovernanceValidationException>(() => new UnitKind(""));
        Assert.Equal(RoleKind.CentralHousehold, new RoleKind("central-household"));
        Assert.Throws<GridGovernanceValidationException>(() => new RoleKind("  "));
    }
}
