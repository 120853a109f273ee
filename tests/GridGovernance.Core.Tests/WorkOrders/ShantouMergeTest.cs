using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The Shantou restructure (汕头: 8 small streets merged into 3) with open street-level orders: after the merges the
/// successors' posts claim, escalate and close them, and the report counts them under the successors.
/// </summary>
public sealed class ShantouMergeTest
{
    [Fact]
    public async Task EightStreetsMergedIntoThree_TheirOpenOrdersAreHandledAndCountedByTheSuccessors()
    {
        var city = CityGenerator.Generate(new CitySize("shantou-8", 8, 16, new(2, 2), new(0, 1), new(3, 4), new(2, 3), new(0, 1)), seed: 13);
        using var h = RestructureHarness.Import(city);
        var district = city.Roster.Units.Single(u => u.Kind == UnitKind.District).Id;
        var streets = city.Roster.Units.Where(u => u.Kind == UnitKind.Street).Select(u => u.Id).Order().ToArray();
        Assert.Equal(8, streets.Length);
        OrgUnitId[][] groups = [[streets[0], streets[1], streets[2]], [streets[3], streets[4], streets[5]], [streets[6], streets[7]]];
        var targets = groups.Select(g => g[0]).ToArray();

        // One 急事 (street level) in a grid of every street, triaged to the street.
        var orderOfStreet = new Dictionary<OrgUnitId, WorkOrderId>();
        foreach (var street in streets)
        {
            var community = city.Roster.Units.First(u => u.Kind == UnitKind.Community && u.ParentId == street).Id;
            var grid = city.Roster.Units.First(u => u.Kind == UnitKind.GridBranch && u.ParentId == community).Id;
            var filed = await h.OrdersAsync(s => s.FileAsync(Actor.Resident($"wx:{street}"),
                new WorkOrderDraft { Category = "road-collapse", Description = "路面塌陷", Unit = grid, Urgency = WorkOrderUrgency.Critical, Channel = WorkOrderChannel.Hotline12345 }));
            var triaged = await h.OrdersAsync(s => s.TriageAsync(Actor.System("triage"), filed.Id));
            Assert.Equal(street, triaged.ResponsibleUnit);
            orderOfStreet[street] = filed.Id;
        }

        // Secretaries of the three successor streets and of the district, appointed on the day of the merge.
        var today = h.Today;
        var people = city.Roster.Members.Select(m => m.Id).Take(4).ToArray();
        var secretaries = targets.Select((t, i) => RestructureHarness.SecretaryOf(people[i], t)).ToArray();
        var districtSecretary = RestructureHarness.SecretaryOf(people[3], district);
        await h.OrganisationAsync(async s =>
        {
            for (int i = 0; i < targets.Length; i++)
            {
                await s.AssignRoleAsync(TestActors.System, new RoleDraft(people[i], RoleKind.Secretary, targets[i]), today);
            }
            return await s.AssignRoleAsync(TestActors.System, new RoleDraft(people[3], RoleKind.Secretary, district), today);
        });

        foreach (var group in groups)
        {
            var result = await h.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, group[1..], group[0], today));
            Assert.Equal(group[1..].Order(), result.Closed);
        }

        Assert.Null(await h.StrandedOrderAsync());
        var report = await h.OrdersAsync(s => s.ReportAsync());
        for (int i = 0; i < groups.Length; i++)
        {
            Assert.Equal(groups[i].Length, Assert.Single(report.ByUnit, c => c.Unit == targets[i]).Open);
        }
        var merged = groups.SelectMany(g => g.Skip(1)).ToHashSet();
        Assert.DoesNotContain(report.ByUnit, c => merged.Contains(c.Unit));
        Assert.Equal(3, report.ByUnit.Count(c => c.Kind == UnitKind.Street));

        for (int i = 0; i < groups.Length; i++)
        {
            foreach (var street in groups[i])
            {
                var id = orderOfStreet[street];
                Assert.Equal(targets[i], (await h.OrdersAsync(s => s.GetAsync(id))).ResponsibleUnit);
                await h.OrdersAsync(s => s.ClaimAsync(secretaries[i], id));
                Assert.Equal(district, (await h.OrdersAsync(s => s.EscalateAsync(secretaries[i], id))).ResponsibleUnit);
                await h.OrdersAsync(s => s.ResolveAsync(districtSecretary, id, "修复完毕"));
                Assert.Equal(WorkOrderStatus.Closed, (await h.OrdersAsync(s => s.CloseAsync(districtSecretary, id))).Status);
            }
        }
        Assert.Equal(8, (await h.OrdersAsync(s => s.ReportAsync())).Closed);
    }
}
