using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// Generates synthetic cities, deterministically from a seed, from one community to a whole city: units down
/// to party groups, members with Chinese names, kinds and roles, households with coordinates, and resident
/// units with coverage, and every leadership post filled (secretaries of every unit, grid heads, group leaders) unless
/// <see cref="CitySize.VacancyRate"/> leaves some vacant. Benchmarks, the quickstart and property tests use it.
/// </summary>
public static class CityGenerator
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文玉荣林海波鹏飞斌宇浩凯晨辉云峰龙春梅雪琳颖佳婷欣怡子轩梓涵思远嘉";

    /// <summary>The date generated cities are imported on.</summary>
    public static LocalDate DefaultDate { get; } = new(2024, 1, 1);

    /// <summary>Generates a city.</summary>
    /// <param name="size">Its shape, e.g. <see cref="CitySize.District"/>.</param>
    /// <param name="seed">The seed; the same size and seed give the same city.</param>
    /// <returns>The city, dated <see cref="DefaultDate"/>, satisfying <see cref="HierarchySchemas.Standard"/>.</returns>
    public static GeneratedCity Generate(CitySize size, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Streets, 1, nameof(size));
        ArgumentOutOfRangeException.ThrowIfLessThan(size.Communities, size.Streets, nameof(size));
        var random = new Random(seed);
        var units = new List<UnitDraft>();
        var members = new List<MemberDraft>();
        var households = new List<HouseholdDraft>();
        var stationedUnits = new List<StationedUnitDraft>();
        var roles = new List<RoleDraft>();
        int nextUnit = 1, nextMember = 1, nextHousehold = 1, nextStationedUnit = 1;
        var date = DefaultDate;
        var centre = new GeoPoint(23.354, 116.682); // a Shantou-like latitude

        var district = new OrgUnitId(nextUnit++);
        units.Add(new UnitDraft(district, UnitKind.District, "示范区", null));
        int communityNumber = 0;
        // Who may take a unit's secretary post: the members below it, collected as the city is built.
        var membersBelow = new List<(OrgUnitId Unit, List<MemberId> Members)>();
        var districtMembers = new List<MemberId>();
        for (int s = 0; s < size.Streets; s++)
        {
            var street = new OrgUnitId(nextUnit++);
            units.Add(new UnitDraft(street, UnitKind.Street, $"第{s + 1}街道", district));
            var streetMembers = new List<MemberId>();
            int communities = size.Communities / size.Streets + (s < size.Communities % size.Streets ? 1 : 0);
            for (int c = 0; c < communities; c++)
            {
                communityNumber++;
                var community = new OrgUnitId(nextUnit++);
                units.Add(new UnitDraft(community, UnitKind.Community, $"第{s + 1}街道第{c + 1}社区", street));
                var communityCentre = Offset(centre, random, 0.15);
                var communityMembers = new List<MemberId>();

                var partners = new List<StationedUnitId>();
                int resident = size.StationedUnitsPerCommunity.Draw(random);
                var pendingStationedUnits = new List<(StationedUnitDraft Draft, bool Covered, bool Own)>();
                for (int r = 0; r < resident; r++)
                {
                    var id = new StationedUnitId(nextStationedUnit++);
                    var kind = (StationedUnitKind)random.Next(0, 5);
                    int headcount = random.Next(5, 200);
                    int memberCount = Math.Min(headcount, random.Next(0, 25));
                    bool covered = random.NextDouble() < 0.85;
                    bool own = covered && memberCount >= StationedUnit.MembersForOwnBranch && random.NextDouble() < 0.7;
                    pendingStationedUnits.Add((new StationedUnitDraft(id, $"{Surnames[random.Next(Surnames.Length)]}氏{KindName(kind)}{r + 1}", kind, community, headcount, memberCount)
                    {
                        SignedCoBuildingAgreement = random.NextDouble() < 0.6,
                        Location = Offset(communityCentre, random, 0.01),
                    }, covered, own));
                    partners.Add(id);
                }

                int grids = size.GridsPerCommunity.Draw(random);
                var gridIds = new List<OrgUnitId>();
                for (int g = 0; g < grids; g++)
                {
                    var grid = new OrgUnitId(nextUnit++);
                    gridIds.Add(grid);
                    double draw = random.NextDouble();
                    var gridKind = draw < 0.7 ? GridBranchKind.DirectlyManaged : draw < 0.9 && partners.Count > 0 ? GridBranchKind.CoBuilt : GridBranchKind.Combined;
                    units.Add(new UnitDraft(grid, UnitKind.GridBranch, $"第{g + 1}网格党支部", community)
                    {
                        GridBranchKind = gridKind,
                        CoBuildingPartner = gridKind == GridBranchKind.CoBuilt ? partners[random.Next(partners.Count)] : null,
                    });
                    var gridCentre = Offset(communityCentre, random, 0.01);

                    int groups = size.GroupsPerGrid.Draw(random);
                    var groupIds = new List<OrgUnitId>();
                    for (int p = 0; p < groups; p++)
                    {
                        var group = new OrgUnitId(nextUnit++);
                        groupIds.Add(group);
                        units.Add(new UnitDraft(group, UnitKind.PartyGroup, $"{p + 1}号楼党小组", grid) { PartyGroupKind = random.NextDouble() < 0.8 ? PartyGroupKind.Building : PartyGroupKind.Merchant });
                    }

                    var gridMembers = new List<MemberId>();
                    membersBelow.Add((grid, gridMembers));
                    int memberCount = size.MembersPerGrid.Draw(random);
                    for (int m = 0; m < memberCount; m++)
                    {
                        var id = new MemberId(nextMember++);
                        var branch = groupIds.Count > 0 ? groupIds[m % groupIds.Count] : grid;
                        double k = random.NextDouble();
                        members.Add(new MemberDraft(id, Name(random), k < 0.6 ? MemberKind.LongResident : k < 0.9 ? MemberKind.InService : MemberKind.Mobile,
                            date.PlusDays(-random.Next(365, 365 * 50)), branch)
                        {
                            Phone = Phone(random),
                            Location = Offset(gridCentre, random, 0.002),
                        });
                        communityMembers.Add(id);
                        gridMembers.Add(id);
                        if (m == 0)
                        {
                            roles.Add(new RoleDraft(id, RoleKind.GridHead, grid, Employment.FullTime));
                        }
                        else if (m == 1)
                        {
                            roles.Add(new RoleDraft(id, RoleKind.GridWorker, grid, random.NextDouble() < 0.58 ? Employment.FullTime : Employment.PartTime));
                        }
                        else if (m == 2)
                        {
                            roles.Add(new RoleDraft(id, RoleKind.Sentinel, grid));
                        }
                        if (m < groupIds.Count)
                        {
                            roles.Add(new RoleDraft(id, RoleKind.GroupLeader, groupIds[m]));
                        }
                    }

                    int householdCount = size.HouseholdsPerGrid.Draw(random);
                    for (int h = 0; h < householdCount; h++)
                    {
                        households.Add(new HouseholdDraft(new HouseholdId(nextHousehold++), grid, $"{g + 1}区{h / 24 + 1}栋{h % 24 / 4 + 1}0{h % 4 + 1}室")
                        {
                            Location = Offset(gridCentre, random, 0.002),
                            Residents = random.Next(1, 6),
                            HeadName = Name(random),
                            Phone = Phone(random),
                        });
                    }
                }

                foreach (var (draft, covered, own) in pendingStationedUnits)
                {
                    stationedUnits.Add(draft with
                    {
                        PartyOrganisationId = covered ? gridIds[random.Next(gridIds.Count)] : null,
                        HasOwnOrganisation = own,
                    });
                }

                membersBelow.Add((community, communityMembers));
                streetMembers.AddRange(communityMembers);
                int partTime = Math.Min(random.Next(3, 6), communityMembers.Count);
                foreach (var member in communityMembers.OrderBy(_ => random.Next()).Take(partTime).Order())
                {
                    roles.Add(new RoleDraft(member, RoleKind.PartTimeCommitteeMember, community));
                }
            }
            membersBelow.Add((street, streetMembers));
            districtMembers.AddRange(streetMembers);
        }
        membersBelow.Add((district, districtMembers));
        FillPosts(roles, membersBelow, size.VacancyRate, seed);

        var roster = new RosterBatch { Units = units, Members = members, Households = households, StationedUnits = stationedUnits, Roles = roles };
        return new GeneratedCity(size, seed, HierarchySchemas.Standard, date, roster);
    }

    // Every unit gets a secretary (书记) from the members below it, except members[0], whom tests and the quickstart
    // appoint to posts of their own; then each leadership post is left vacant with the given probability. Both draw
    // from a stream of their own, so the city itself is the same at any vacancy rate.
    private static void FillPosts(List<RoleDraft> roles, List<(OrgUnitId Unit, List<MemberId> Members)> membersBelow, double vacancyRate, int seed)
    {
        var posts = new Random(unchecked((seed * 7919) + 104_729));
        var first = new MemberId(1);
        foreach (var (unit, below) in membersBelow)
        {
            var candidates = below.Where(m => m != first).ToList();
            if (candidates.Count > 0)
            {
                var secretary = candidates[posts.Next(candidates.Count)];
                roles.Add(new RoleDraft(secretary, RoleKind.Secretary, unit, Employment.PartTime));
            }
        }
        if (vacancyRate > 0)
        {
            roles.RemoveAll(r => (r.Role == RoleKind.Secretary || r.Role == RoleKind.GridHead || r.Role == RoleKind.GroupLeader)
                && posts.NextDouble() < vacancyRate);
        }
    }

    private static string KindName(StationedUnitKind kind) => kind switch
    {
        StationedUnitKind.Organ => "机关",
        StationedUnitKind.Institution => "事业单位",
        StationedUnitKind.StateFirm => "国企",
        StationedUnitKind.PrivateFirm => "公司",
        _ => "协会",
    };

    private static string Name(Random random)
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        var first = Given[random.Next(Given.Length)];
        return random.NextDouble() < 0.3 ? $"{surname}{first}" : $"{surname}{first}{Given[random.Next(Given.Length)]}";
    }

    private static string Phone(Random random) => $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(0, 100_000_000):D8}";

    private static GeoPoint Offset(GeoPoint point, Random random, double degrees) =>
        new(Math.Clamp(point.Latitude + (random.NextDouble() * 2 - 1) * degrees, -90, 90), Math.Clamp(point.Longitude + (random.NextDouble() * 2 - 1) * degrees, -180, 180));
}
