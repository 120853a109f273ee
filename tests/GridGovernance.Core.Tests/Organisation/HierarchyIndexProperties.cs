using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Organisation;

public sealed class HierarchyIndexProperties
{
    [Property(Arbitrary = new[] { typeof(HierarchyArbitraries) }, MaxTest = 40)]
    public bool Descendants_AreExactlyTheNodesWhoseAncestorsContainTheNode(GeneratedCity city)
    {
        using var harness = CityHarness.Import(city);
        var index = harness.Query(s => s.BuildIndexAsync(city.Date));
        var all = index.Roots.SelectMany(r => index.Descendants(r).Prepend(r)).ToList();
        var ancestors = all.ToDictionary(n => n, n => index.Ancestors(n).ToHashSet());
        foreach (var unit in all.Where(n => n.Kind == NodeKind.Unit))
        {
            var expected = all.Where(n => ancestors[n].Contains(unit)).ToHashSet();
            var actual = index.Descendants(unit).ToList();
            if (actual.Count != expected.Count || !expected.SetEquals(actual))
            {
                return false;
            }
            if (actual.Any(d => !index.IsAncestorOf(unit, d)) || index.CountsUnder(unit.AsUnit()).Households != actual.Count(d => d.Kind == NodeKind.Household))
            {
                return false;
            }
        }
        return all.Count == index.Count;
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool Build_DoesNotDependOnInputOrder(GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city);
        var units = harness.Run(async s => await harness.Store.UnitsAsync());
        var (u, m, h) = harness.Run(_ => Task.FromResult(harness.Store.Snapshot()));
        var first = HierarchyIndex.Build(u, m, h, city.Date);
        var second = HierarchyIndex.Build(u.OrderBy(_ => random.Next()), m.OrderBy(_ => random.Next()), h.OrderBy(_ => random.Next()), city.Date);
        return first.Roots.SequenceEqual(second.Roots)
               && first.Roots.All(r => first.Descendants(r).SequenceEqual(second.Descendants(r)))
               && units.Count == first.UnitCount;
    }

    [Property(Arbitrary = new[] { typeof(HierarchyArbitraries) }, MaxTest = 40)]
    public bool RollUp_OfOnePerHousehold_EqualsHouseholdCounts(GeneratedCity city)
    {
        using var harness = CityHarness.Import(city);
        var index = harness.Query(s => s.BuildIndexAsync(city.Date));
        var rollup = index.RollUp(n => n.Kind == NodeKind.Household ? 1 : 0);
        return index.UnitsOfKind(UnitKind.Community).Concat(index.UnitsOfKind(UnitKind.GridBranch))
                   .All(unit => rollup[unit] == index.CountsUnder(unit).Households)
               && rollup.Total == index.HouseholdCount;
    }
}

public sealed class JurisdictionProperties
{
    [FsCheck.Xunit.Property(Arbitrary = new[] { typeof(GridGovernance.Testing.RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool IsWithinJurisdictionAsync_AgreesWithTheIndex(GridGovernance.Testing.GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city);
        var units = city.Roster.Units.Select(u => u.Id).ToArray();
        var committee = new OrgUnitId(units.Max(u => u.Value) + 1);
        var street = city.Roster.Units.First(u => u.Kind == GridGovernance.Organisation.UnitKind.Street).Id;
        var community = city.Roster.Units.First(u => u.Kind == GridGovernance.Organisation.UnitKind.Community).Id;
        harness.Run(s => s.AddUnitAsync(TestActors.System, new GridGovernance.Organisation.UnitDraft(committee, GridGovernance.Organisation.UnitKind.RegionalCommittee, "区域党委", street), city.Date));
        harness.Run(s => s.AddSpanAsync(TestActors.System, committee, community, new Validity(city.Date)));
        var index = harness.Query(s => s.BuildIndexAsync(city.Date));
        var nodes = index.Roots.SelectMany(r => index.Descendants(r).Prepend(r)).ToArray();
        var actors = units.Append(committee).ToArray();
        for (int i = 0; i < 40; i++)
        {
            var actor = actors[random.Next(actors.Length)];
            var target = nodes[random.Next(nodes.Length)];
            bool expected = index.IsWithinJurisdiction(actor, target);
            if (harness.Query(s => s.IsWithinJurisdictionAsync(actor, target, city.Date)) != expected)
            {
                return false;
            }
        }
        return true;
    }
}
