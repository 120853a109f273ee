using GridGovernance.WorkOrders;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>The departments a whistle (吹哨) summons are codes, and the policy's configured departments when it lists them (issue 14).</summary>
public sealed class WorkOrderDepartmentsTest
{
    private static readonly WorkOrderPolicy Configured = WorkOrderPolicy.Default with { Departments = ["market-regulation", "housing"] };

    private static async Task<WorkOrderId> EscalatedToTheStreetAsync(WorkOrderServiceFixture f)
    {
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.EscalateAsync(Secretary100, id, "店主不愿维修"));
        return id;
    }

    [Fact]
    public async Task Whistle_ADepartmentThePolicyDoesNotList_IsRefusedNamingIt_AndChangesNothing()
    {
        using var f = new WorkOrderServiceFixture(Configured);
        var id = await EscalatedToTheStreetAsync(f);
        var before = await f.RunAsync(s => s.GetAsync(id));

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() =>
            f.RunAsync(s => s.WhistleAsync(StreetCadre, id, [new("market-regulation"), new("city-management")])));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(("summons[1].Department", "city-management", ErrorCodes.WorkOrderDepartmentNotConfigured), (problem.Field, problem.Key, problem.Rule));
        Assert.Contains("market-regulation, housing", problem.Message);
        var after = await f.RunAsync(s => s.GetAsync(id));
        Assert.Equal((before.Status, before.Version, 0), (after.Status, after.Version, after.Parts.Length));

        var whistled = await f.RunAsync(s => s.WhistleAsync(StreetCadre, id, [new("market-regulation"), new(" housing ", 2)]));
        Assert.Equal(["market-regulation", "housing"], whistled.Parts.Select(p => p.Department));
    }

    [Fact]
    public async Task Whistle_HostileSummons_AreEachListed_AndNothingChanges()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await EscalatedToTheStreetAsync(f);
        var before = await f.RunAsync(s => s.GetAsync(id));

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.WhistleAsync(StreetCadre, id,
            [new("<script>"), new("market\u202Eregulation"), new(""), new(new string('d', TriagePolicy.MaxCategoryLength + 1)), new("housing", 0), null!])));

        Assert.Equal(
            [("summons[0].Department", ErrorCodes.InvalidValue), ("summons[1].Department", ErrorCodes.ForbiddenCharacter), ("summons[2].Department", ErrorCodes.InvalidValue),
             ("summons[3].Department", ErrorCodes.TextTooLong), ("summons[4].AcknowledgeWorkingDays", ErrorCodes.OutOfRange), ("summons[5]", ErrorCodes.InvalidValue)],
            e.Problems.Select(p => (p.Field, p.Rule)));
        var none = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.WhistleAsync(StreetCadre, id, [])));
        Assert.Equal("summons", Assert.Single(none.Problems).Field);
        Assert.Equal(before.Version, (await f.RunAsync(s => s.GetAsync(id))).Version);
    }

    [Fact]
    public async Task APolicy_WhoseDepartmentsAreNotCodesOrRepeat_IsRefused()
    {
        using var f = new WorkOrderServiceFixture(WorkOrderPolicy.Default with { Departments = ["housing", "城管 局", "housing"] });

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.GetAsync(new WorkOrderId(1))));

        Assert.Equal(["policy.Departments[1]", "policy.Departments[2]"], e.Problems.Select(p => p.Field));
        Assert.All(e.Problems, p => Assert.Equal(ErrorCodes.WorkOrderInvalidPolicy, p.Rule));
    }
}
