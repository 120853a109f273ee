using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// Random merges, splits and closes interleaved with filing and triaging orders on generated cities: after every step
/// every order that is not closed sits at open units and escalation from it climbs to the root; a refused change
/// changed nothing.
/// </summary>
public sealed class WorkOrderRestructureProperties
{
    private static readonly string[] Categories = ["leak", "parking", "road-collapse"];

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 25)]
    public bool Restructures_NeverStrandAnOrder_AndRefusalsChangeNothing(GeneratedCity city, Choices random) =>
        RunAsync(city, random).GetAwaiter().GetResult();

    private static async Task<bool> RunAsync(GeneratedCity city, Choices random)
    {
        using var h = RestructureHarness.Import(city);
        int nextId = 9_000_000;
        for (int step = 0; step < 14; step++)
        {
            h.Clock.Advance(NodaTime.Duration.FromDays(1));
            var today = h.Today;
            var open = (await h.ListAsync<OrgUnit>()).Where(u => u.IsOpenOn(today)).ToList();
            var before = await h.FingerprintAsync();
            GridGovernanceException? refusal = null;
            switch (random.Next(5))
            {
                case 0 or 1:
                    var places = open.Where(u => u.Kind == UnitKind.GridBranch || u.Kind == UnitKind.Community).ToList();
                    if (places.Count == 0)
                    {
                        continue;
                    }
                    var place = places[random.Next(places.Count)].Id;
                    var draft = new WorkOrderDraft
                    {
                        Category = Categories[random.Next(Categories.Length)],
                        Description = "问题",
                        Unit = place,
                        Channel = WorkOrderChannel.App,
                        Urgency = random.Next(3) == 0 ? WorkOrderUrgency.Critical : WorkOrderUrgency.Routine,
                    };
                    var filed = await h.OrdersAsync(s => s.FileAsync(Actor.Resident("wx:" + step), draft));
                    if (random.Next(4) > 0)
                    {
                        await h.OrdersAsync(s => s.TriageAsync(Actor.System("triage"), filed.Id));
                    }
                    break;
                case 2:
                    var kind = random.Next(2) == 0 ? UnitKind.Street : UnitKind.Community;
                    var same = open.Where(u => u.Kind == kind).ToList();
                    if (same.Count < 2)
                    {
                        continue;
                    }
                    var target = same[random.Next(same.Count)];
                    var sources = same.Where(u => u != target && random.Next(2) == 0).Select(u => u.Id).DefaultIfEmpty(same.First(u => u != target).Id).ToList();
                    refusal = await RestructureHarness.TryAsync(() => h.OrganisationAsync(s => s.MergeUnitsAsync(TestActors.System, sources, target.Id, today)));
                    break;
                case 3:
                    var splittable = open.Where(u => (u.Kind == UnitKind.Community || u.Kind == UnitKind.Street)
                        && open.Count(c => c.ParentId == u.Id) >= 2).ToList();
                    if (splittable.Count == 0)
                    {
                        continue;
                    }
                    var unit = splittable[random.Next(splittable.Count)];
                    var children = open.Where(c => c.ParentId == unit.Id).Select(c => (NodeRef)c.Id).ToList();
                    var a = new List<NodeRef> { children[0] };
                    var b = new List<NodeRef> { children[1] };
                    foreach (var child in children.Skip(2))
                    {
                        (random.Next(2) == 0 ? a : b).Add(child);
                    }
                    // Members and households placed in the unit itself go to the first part.
                    a.AddRange((await h.ListAsync<Member>()).Where(m => m.IsActive && m.BranchId == unit.Id).Select(m => (NodeRef)m.Id));
                    a.AddRange((await h.ListAsync<Household>()).Where(x => x.IsActive && x.UnitId == unit.Id).Select(x => (NodeRef)x.Id));
                    var parts = new[]
                    {
                        new SplitPart(new UnitDraft(new OrgUnitId(++nextId), unit.Kind, "甲", unit.ParentId), a),
                        new SplitPart(new UnitDraft(new OrgUnitId(++nextId), unit.Kind, "乙", unit.ParentId), b),
                    };
                    refusal = await RestructureHarness.TryAsync(() => h.OrganisationAsync(s => s.SplitUnitAsync(TestActors.System, unit.Id, parts, today)));
                    break;
                default:
                    var closable = open.Where(u => u.Kind == UnitKind.GridBranch || u.Kind == UnitKind.PartyGroup || u.Kind == UnitKind.Community).ToList();
                    if (closable.Count == 0)
                    {
                        continue;
                    }
                    var closing = closable[random.Next(closable.Count)].Id;
                    refusal = await RestructureHarness.TryAsync(() => h.OrganisationAsync(s => s.CloseUnitAsync(TestActors.System, closing, today)));
                    break;
            }
            if (refusal is not null && before != await h.FingerprintAsync())
            {
                Assert.Fail($"Step {step}: the refused change ({refusal.Code}: {refusal.Message}) changed the store.");
            }
            if (await h.StrandedOrderAsync() is string stranded)
            {
                Assert.Fail($"Step {step}: {stranded}.");
            }
        }
        return true;
    }
}
