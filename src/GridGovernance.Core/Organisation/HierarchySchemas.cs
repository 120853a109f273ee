namespace GridGovernance.Organisation;

/// <summary>
/// Ready schemas for the chains in the case reports. Every preset has the city spine 区 → 街道 (or 镇) → 社区 above
/// the community-level chain it is named after, and the functional organisations beside the spine. A town (镇) stands
/// at the street's level: it blows the whistle like a street ("镇街吹哨、部门报到"), and may become a street on a date
/// (改镇设街, <see cref="OrganisationService.ChangeUnitKindAsync"/>).
/// </summary>
[Immutable]
public static class HierarchySchemas
{
    /// <summary>
    /// The standard chain: district → street → community → grid branch → party group (区—街道—社区—网格党支部—党小组).
    /// Members belong to a grid branch or a party group; households to a grid branch or a party group.
    /// </summary>
    public static HierarchySchema Standard { get; } = Spine("Standard")
        .Under(UnitKind.GridBranch, UnitKind.Community)
        .Under(UnitKind.PartyGroup, UnitKind.GridBranch)
        .MembersIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .HouseholdsIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Grid(UnitKind.GridBranch)
        .Build();

    /// <summary>
    /// Laiwu (莱芜): 社区党委—网格党支部—楼宇党小组—党员—群众. Members sit in building groups (or directly in the grid
    /// branch); households are placed in the grid branch or the building group.
    /// </summary>
    public static HierarchySchema Laiwu { get; } = Spine("Laiwu")
        .Under(UnitKind.GridBranch, UnitKind.Community)
        .Under(UnitKind.PartyGroup, UnitKind.GridBranch)
        .MembersIn(UnitKind.PartyGroup, UnitKind.GridBranch)
        .HouseholdsIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Grid(UnitKind.GridBranch)
        .Build();

    /// <summary>
    /// Shantou (汕头): 社区党组织—党支部(党小组)—党员中心户—联系户. Branches sit under the community and groups under
    /// a branch or directly under the community; the grid is the branch. 党员中心户 is a member role
    /// (<see cref="RoleKind.CentralHousehold"/>); 联系户 are households.
    /// </summary>
    public static HierarchySchema Shantou { get; } = Spine("Shantou")
        .Under(UnitKind.Branch, UnitKind.Community)
        .Under(UnitKind.PartyGroup, UnitKind.Branch, UnitKind.Community)
        .MembersIn(UnitKind.Branch, UnitKind.PartyGroup)
        .HouseholdsIn(UnitKind.Branch, UnitKind.PartyGroup)
        .Grid(UnitKind.Branch)
        .Build();

    /// <summary>
    /// Huainan (淮南): 社区党委—网格党支部—网格长—网格员. One branch per grid; 网格长 and 网格员 are roles
    /// (<see cref="RoleKind.GridHead"/>, <see cref="RoleKind.GridWorker"/>) held on the grid branch.
    /// </summary>
    public static HierarchySchema Huainan { get; } = Spine("Huainan")
        .Under(UnitKind.GridBranch, UnitKind.Community)
        .MembersIn(UnitKind.GridBranch)
        .HouseholdsIn(UnitKind.GridBranch)
        .Grid(UnitKind.GridBranch)
        .Build();

    /// <summary>
    /// Wanshan (万山): 社区—网格党支部 / 网格党小组. Five large grids have a grid branch and sixty smaller ones a grid party
    /// group ("建立网格党支部5个,网格党小组60个"): both kinds are grids, so the district counts 65 grids. A party group
    /// may also sit under a grid branch, as part of that branch's grid.
    /// </summary>
    public static HierarchySchema Wanshan { get; } = Spine("Wanshan")
        .Under(UnitKind.GridBranch, UnitKind.Community)
        .Under(UnitKind.PartyGroup, UnitKind.Community, UnitKind.GridBranch)
        .MembersIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .HouseholdsIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Grid(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Build();

    /// <summary>Every preset, by name.</summary>
    public static IReadOnlyList<HierarchySchema> All { get; } = [Standard, Laiwu, Shantou, Huainan, Wanshan];

    private static HierarchySchema.Builder Spine(string name) => HierarchySchema.CreateBuilder(name)
        .Root(UnitKind.District)
        .Under(UnitKind.Street, UnitKind.District)
        .Under(UnitKind.Town, UnitKind.District)
        .Under(UnitKind.Community, UnitKind.Street, UnitKind.Town)
        .Under(UnitKind.RegionalCommittee, UnitKind.Street, UnitKind.Town, UnitKind.District)
        .Under(UnitKind.IndustryCommittee, UnitKind.District, UnitKind.Street, UnitKind.Town)
        .Under(UnitKind.FunctionalBranch, UnitKind.Community, UnitKind.Street, UnitKind.Town, UnitKind.IndustryCommittee)
        .Under(UnitKind.TemporaryBranch, UnitKind.Community, UnitKind.Street, UnitKind.Town, UnitKind.District)
        .MembersIn(UnitKind.FunctionalBranch, UnitKind.TemporaryBranch);
}
