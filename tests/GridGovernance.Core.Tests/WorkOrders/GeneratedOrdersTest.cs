using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Generated orders through the whole service on a generated community: reports and the board hold up.</summary>
public sealed class GeneratedOrdersTest
{
    [Fact]
    public void Generator_IsDeterministicBySeed()
    {
        var generated = CityGenerator.Generate(CitySize.Community, seed: 3);
        // The district's secretary (书记) triages, claims and resolves: a post the roster really holds.
        var secretary = new RoleDraft(generated.Roster.Members[0].Id, RoleKind.Secretary, generated.District);
        var city = generated with { Roster = generated.Roster with { Roles = [.. generated.Roster.Roles, secretary] } };
        Assert.Equal(WorkOrderGenerator.Drafts(city, 20, seed: 5), WorkOrderGenerator.Drafts(city, 20, seed: 5));
        Assert.NotEqual(WorkOrderGenerator.Drafts(city, 20, seed: 5), WorkOrderGenerator.Drafts(city, 20, seed: 6));
        Assert.Equal(WorkOrderGenerator.Commands(50, 9), WorkOrderGenerator.Commands(50, 9));
        Assert.DoesNotContain(WorkOrderCommand.File, WorkOrderGenerator.Commands(200, 9));
    }

    [Fact]
    public async Task GeneratedOrders_ThroughTheService_ReportAndPublishConsistently()
    {
        var generated = CityGenerator.Generate(CitySize.Community, seed: 3);
        // The district's secretary (书记) triages, claims and resolves: a post the roster really holds.
        var secretary = new RoleDraft(generated.Roster.Members[0].Id, RoleKind.Secretary, generated.District);
        var city = generated with { Roster = generated.Roster with { Roles = [.. generated.Roster.Roles, secretary] } };
        var clock = new FakeClock(Instant.FromUtc(2024, 6, 3, 2, 0));
        await using var provider = await city.CreateServicesAsync(s => s.AddSingleton<IClock>(clock));
        var drafts = WorkOrderGenerator.Drafts(city, 40, seed: 11);
        var district = Actor.Post(secretary.MemberId, secretary.Role, secretary.UnitId);

        var ids = new List<WorkOrderId>();
        foreach (var draft in drafts)
        {
            using var scope = provider.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            var order = await service.FileAsync(WorkOrderGenerator.FilerOf(draft), draft);
            await service.TriageAsync(district, order.Id);
            ids.Add(order.Id);
        }
        for (int i = 0; i < ids.Count; i += 2)
        {
            using var scope = provider.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            await service.ClaimAsync(district, ids[i]);
            await service.ResolveAsync(district, ids[i], "photo");
            await service.RateAsync(WorkOrderGenerator.FilerOf(drafts[i]), ids[i], satisfied: i % 4 == 0);
        }
        clock.Advance(Duration.FromDays(30));
        using (var scope = provider.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            var report = await service.ReportAsync();
            int open = ids.Count / 2 + ids.Count / 4; // unclaimed ones, plus unsatisfied ones reopened
            Assert.Equal((40, open, open), (report.Total, report.Open, report.Overdue));
            Assert.Equal(open, report.ByUnit.Where(r => r.Kind == UnitKind.Street).Sum(r => r.Open));
            Assert.Equal((20, 10), (report.Rated, report.Satisfied));

            var board = await service.BoardAsync(new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30));
            Assert.Equal(40, board.Length);
            string text = string.Join("\n", board.Select(b => b.ToString()));
            foreach (var draft in drafts)
            {
                Assert.DoesNotContain(draft.FilerName!, text);
                Assert.DoesNotContain(draft.FilerPhone!, text);
                Assert.DoesNotContain(draft.Address!, text);
            }
        }
    }
}
