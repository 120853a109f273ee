using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.WebSample;

/// <summary>
/// The sample's community: <see cref="CityGenerator"/>'s community of seed 7 (names, phones and house numbers are
/// generated), with one member holding the posts the demo needs: secretary (书记) of the top-level unit and grid head
/// (网格长) of a grid.
/// </summary>
/// <param name="Generated">The generated community, its roster carrying the added posts.</param>
/// <param name="Secretary">The top-level secretary's post (reviews, publishes, triages).</param>
/// <param name="GridHead">The grid head's post.</param>
/// <param name="Grid">The grid the demo's work orders are filed in.</param>
public sealed record SampleCity(GeneratedCity Generated, Actor Secretary, Actor GridHead, OrgUnitId Grid)
{
    /// <summary>The resident who files the demo's orders (the hotline caller's key).</summary>
    public Actor Resident { get; } = Actor.Resident("hotline-caller-1");

    /// <summary>The raw filer names, phones and address parts the demo's orders carry: none may reach a public page.</summary>
    public IReadOnlyList<string> RawPersonalData { get; } = ["王小明", "13812341234", "李秀英", "13987654321", "3号楼1单元"];

    /// <summary>Makes the sample's community.</summary>
    /// <returns>The community.</returns>
    public static SampleCity Create()
    {
        var generated = CityGenerator.Generate(CitySize.Community, seed: 7);
        var units = generated.Roster.Units.ToDictionary(u => u.Id);
        OrgUnitId Above(OrgUnitId from, UnitKind kind)
        {
            for (OrgUnitId? id = from; id is OrgUnitId u; id = units[u].ParentId)
            {
                if (units[u].Kind == kind)
                {
                    return u;
                }
            }
            throw new InvalidOperationException($"No {kind} above {from}.");
        }
        var member = generated.Roster.Members[0];
        var grid = Above(member.BranchId, UnitKind.GridBranch);
        // The secretary of the top-level unit: publishing a period is a top-level secretary's (points.publish).
        var secretary = Actor.Post(member.Id, RoleKind.Secretary, generated.Roster.Units.Single(u => u.ParentId is null).Id);
        var gridHead = Actor.Post(member.Id, RoleKind.GridHead, grid);
        RoleDraft[] posts = [.. new[] { secretary, gridHead }
            .Where(p => !generated.Roster.Roles.Any(r => r.MemberId == p.MemberId && r.Role == p.Role && r.UnitId == p.Unit))
            .Select(p => new RoleDraft(p.MemberId, p.Role, p.Unit))];
        var withPosts = generated with { Roster = generated.Roster with { Roles = [.. generated.Roster.Roles, .. posts] } };
        return new SampleCity(withPosts, secretary, gridHead, grid);
    }

    /// <summary>A member's declaration of a volunteer activity (志愿服务) on a day.</summary>
    /// <param name="member">Who declares.</param>
    /// <param name="day">When it happened.</param>
    /// <returns>The request.</returns>
    public static LedgerEntryRequest Declaration(MemberId member, LocalDate day) => new()
    {
        Member = member,
        ItemCode = "volunteer-activity",
        OccurredOn = day,
        IdempotencyKey = $"web-{member.Value}-{day:yyyyMMdd}",
        Evidence = "sign-in sheet",
    };

    /// <summary>Three residents' filings with raw names, phones and house numbers.</summary>
    /// <returns>The drafts.</returns>
    public IReadOnlyList<WorkOrderDraft> Drafts()
    {
        var household = Generated.Roster.Households.First(h => h.UnitId == Grid);
        return
        [
            new() { Category = "leak", Description = "楼下饭店卫生间漏水到入户大厅，王小明 13812341234", Unit = Grid, Channel = WorkOrderChannel.Hotline12345,
                    FilerName = "王小明", FilerPhone = "13812341234", Address = "西湖春天小区3号楼1单元" + household.Address },
            new() { Category = "streetlight", Description = "路灯不亮", Unit = Grid, Channel = WorkOrderChannel.App,
                    FilerName = "李秀英", FilerPhone = "13987654321", Address = "西湖春天小区5号楼" },
            new() { Category = "parking", Description = "小区免费停车时间太短", Unit = Grid, Channel = WorkOrderChannel.GridWorkerReport,
                    FilerName = "王小明", FilerPhone = "13812341234" },
        ];
    }
}
