using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using NodaTime;

namespace GridGovernance.Tests.Organisation;

public sealed class OrganisationServiceProperties
{
    /// <summary>A schema whose kind graph has cycles, so that only the instance-level check can stop a cyclic move.</summary>
    private static readonly HierarchySchema Loose = HierarchySchema.CreateBuilder("loose")
        .Root(UnitKind.District)
        .Under(UnitKind.Street, UnitKind.District, UnitKind.Street, UnitKind.Community, UnitKind.GridBranch, UnitKind.PartyGroup)
        .Under(UnitKind.Community, UnitKind.Street, UnitKind.Community, UnitKind.GridBranch, UnitKind.PartyGroup)
        .Under(UnitKind.GridBranch, UnitKind.Street, UnitKind.Community, UnitKind.GridBranch, UnitKind.PartyGroup)
        .Under(UnitKind.PartyGroup, UnitKind.Street, UnitKind.Community, UnitKind.GridBranch, UnitKind.PartyGroup)
        .MembersIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .HouseholdsIn(UnitKind.GridBranch, UnitKind.PartyGroup)
        .Grid(UnitKind.GridBranch)
        .Build();

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool Moves_NeverCreateACycle_AndRefusedMovesChangeNothing(GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city, Loose);
        var ids = city.Roster.Units.Select(u => u.Id).ToArray();
        var date = city.Date;
        for (int step = 0; step < 25; step++)
        {
            date = date.PlusDays(random.Next(0, 3));
            var unit = ids[random.Next(ids.Length)];
            var parent = ids[random.Next(ids.Length)];
            var before = ParentMap(harness);
            var refusal = harness.TryRun(s => s.MoveUnitAsync(TestActors.System, unit, parent, date));
            if (refusal is not null && !ParentMap(harness).SequenceEqual(before))
            {
                return false;
            }
            if (refusal is null && IsUnder(ParentMap(harness), parent, unit))
            {
                return false;
            }
        }
        var parents = ParentMap(harness);
        return parents.Keys.All(id => ChainEndsAtRoot(parents, id));
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool Merge_PreservesMemberAndHouseholdCounts(GeneratedCity city, Choices random)
    {
        var grids = city.Roster.Units.Where(u => u.Kind == UnitKind.GridBranch).Select(u => u.Id).ToList();
        if (grids.Count < 2)
        {
            return true;
        }
        using var harness = CityHarness.Import(city);
        var target = grids[random.Next(grids.Count)];
        var sources = grids.Where(g => g != target && random.Next(2) == 0).DefaultIfEmpty(grids.First(g => g != target)).ToList();
        var before = harness.Query(s => s.BuildIndexAsync(city.Date));
        var date = city.Date.PlusDays(10);
        harness.Run(s => s.MergeUnitsAsync(TestActors.System, sources, target, date));
        var after = harness.Query(s => s.BuildIndexAsync(date));

        var expected = sources.Append(target).Select(before.CountsUnder).Aggregate((a, b) => new SubtreeCounts(a.Units + b.Units, a.Members + b.Members, a.Households + b.Households));
        var merged = after.CountsUnder(target);
        return after.MemberCount == before.MemberCount
               && after.HouseholdCount == before.HouseholdCount
               && merged.Members == expected.Members
               && merged.Households == expected.Households
               && merged.Units == expected.Units
               && sources.All(s => !after.Contains(s))
               && after.CountsUnder(city.District) is var total && total.Members == before.MemberCount && total.Households == before.HouseholdCount;
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool Split_PreservesMemberAndHouseholdCounts(GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city);
        var before = harness.Query(s => s.BuildIndexAsync(city.Date));
        var grids = before.UnitsOfKind(UnitKind.GridBranch).ToList();
        var source = grids[random.Next(grids.Count)];
        var parentId = before.ParentOf(source)!.Value.AsUnit();
        var contents = before.Children(source).OrderBy(_ => random.Next()).ToList();
        if (contents.Count < 2)
        {
            return true; // every part of a split takes something, so a grid with one child cannot be split
        }
        int nextId = city.Roster.Units.Max(u => u.Id.Value) + 1;
        int partCount = random.Next(2, Math.Min(4, contents.Count + 1));
        var parts = Enumerable.Range(0, partCount)
            .Select(i => new SplitPart(
                new UnitDraft(new OrgUnitId(nextId + i), UnitKind.GridBranch, $"part {i}", parentId),
                contents.Where((_, k) => k % partCount == i).ToList()))
            .ToList();
        var date = city.Date.PlusDays(5);
        harness.Run(s => s.SplitUnitAsync(TestActors.System, source, parts, date));
        var after = harness.Query(s => s.BuildIndexAsync(date));

        var sourceCounts = before.CountsUnder(source);
        var partCounts = parts.Select(p => after.CountsUnder(p.Unit.Id)).ToList();
        return !after.Contains(source)
               && partCounts.Sum(c => c.Members) == sourceCounts.Members
               && partCounts.Sum(c => c.Households) == sourceCounts.Households
               && after.MemberCount == before.MemberCount
               && after.HouseholdCount == before.HouseholdCount
               && parts.All(p => p.Contents.All(n => after.ParentOf(n) == (NodeRef)p.Unit.Id));
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 30)]
    public bool AsOfQueries_ReturnTheStructureOfThatDate(GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city, Loose);
        var ids = city.Roster.Units.Select(u => u.Id).ToArray();
        var grids = city.Roster.Units.Where(u => u.Kind == UnitKind.GridBranch).Select(u => u.Id).ToArray();
        var households = city.Roster.Households.Select(h => h.Id).ToArray();
        var date = city.Date;
        var history = new List<(LocalDate Date, Dictionary<NodeRef, NodeRef?> Parents)>
        {
            (date, Parents(harness.Query(s => s.BuildIndexAsync(city.Date)))),
        };
        for (int step = 0; step < 12; step++)
        {
            date = date.PlusDays(random.Next(1, 20));
            var changeDate = date;
            if (households.Length > 0 && random.Next(2) == 0)
            {
                harness.TryRun(s => s.MoveHouseholdAsync(TestActors.System, households[random.Next(households.Length)], grids[random.Next(grids.Length)], changeDate));
            }
            else
            {
                harness.TryRun(s => s.MoveUnitAsync(TestActors.System, ids[random.Next(ids.Length)], ids[random.Next(ids.Length)], changeDate));
            }
            history.Add((date, Parents(harness.Query(s => s.BuildIndexAsync(changeDate)))));
        }
        // Asked afterwards, every past date still shows the structure recorded on it.
        foreach (var (day, parents) in history)
        {
            var asked = Parents(harness.Query(s => s.BuildIndexAsync(day)));
            if (asked.Count != parents.Count || asked.Any(p => !parents.TryGetValue(p.Key, out var q) || q != p.Value))
            {
                return false;
            }
        }
        return true;
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 40)]
    public bool Import_WithOneBadRow_ChangesNothing(GeneratedCity city, Choices random)
    {
        var bad = Corrupt(city.Roster, random, out var expectedField);
        using var harness = CityHarness.Create(city.Schema);
        var before = harness.Counts();
        try
        {
            harness.Run(s => s.ImportAsync(TestActors.System, bad, city.Date));
            return false;
        }
        catch (GridGovernanceValidationException e)
        {
            return harness.Counts() == before && e.Problems.Count >= 1 && e.Problems.Any(p => p.Field.StartsWith(expectedField, StringComparison.Ordinal));
        }
    }

    [Property(Arbitrary = new[] { typeof(RosterArbitraries), typeof(SeededArbitraries) }, MaxTest = 30)]
    public bool SecondImport_WithOneBadRow_LeavesTheFirstIntact(GeneratedCity city, Choices random)
    {
        using var harness = CityHarness.Import(city);
        var before = harness.Counts();
        var grid = city.Roster.Units.First(u => u.Kind == UnitKind.GridBranch).Id;
        int next = city.Roster.Households.Select(h => h.Id.Value).DefaultIfEmpty(0).Max() + 1;
        var rows = Enumerable.Range(0, random.Next(1, 10)).Select(i => new HouseholdDraft(new HouseholdId(next + i), grid, $"new {i}")).ToList();
        rows[random.Next(rows.Count)] = rows[0] with { UnitId = city.District }; // households may not sit in a district
        var refusal = harness.TryRun(s => s.ImportAsync(TestActors.System, new RosterBatch { Households = rows }, city.Date.PlusDays(1)));
        return refusal is GridGovernanceValidationException && harness.Counts() == before;
    }

    private static RosterBatch Corrupt(RosterBatch roster, Choices random, out string field)
    {
        switch (random.Next(5))
        {
            case 0:
            {
                int i = random.Next(roster.Units.Count);
                field = $"Units[{i}].Name";
                return roster with { Units = Replace(roster.Units, i, roster.Units[i] with { Name = " " }) };
            }
            case 1:
            {
                int i = random.Next(1, roster.Units.Count);
                field = $"Units[{i}].ParentId";
                return roster with { Units = Replace(roster.Units, i, roster.Units[i] with { ParentId = new OrgUnitId(int.MaxValue) }) };
            }
            case 2 when roster.Members.Count > 0:
            {
                int i = random.Next(roster.Members.Count);
                field = $"Members[{i}].BranchId";
                return roster with { Members = Replace(roster.Members, i, roster.Members[i] with { BranchId = roster.Units[0].Id }) };
            }
            case 3 when roster.Households.Count > 1:
            {
                int i = random.Next(1, roster.Households.Count);
                field = $"Households[{i}].Id";
                return roster with { Households = Replace(roster.Households, i, roster.Households[i] with { Id = roster.Households[0].Id }) };
            }
            default:
            {
                int i = random.Next(roster.Units.Count);
                field = $"Units[{i}].Kind";
                return roster with { Units = Replace(roster.Units, i, roster.Units[i] with { Kind = new UnitKind("village") }) };
            }
        }
    }

    private static T[] Replace<T>(IReadOnlyList<T> list, int index, T value)
    {
        var copy = list.ToArray();
        copy[index] = value;
        return copy;
    }

    private static Dictionary<OrgUnitId, OrgUnitId?> ParentMap(CityHarness harness) =>
        harness.Store.UnitsAsync().GetAwaiter().GetResult().ToDictionary(u => u.Id, u => u.ParentId);

    private static bool IsUnder(Dictionary<OrgUnitId, OrgUnitId?> parents, OrgUnitId node, OrgUnitId ancestor)
    {
        for (OrgUnitId? current = node; current is OrgUnitId c; current = parents[c])
        {
            if (c == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private static bool ChainEndsAtRoot(Dictionary<OrgUnitId, OrgUnitId?> parents, OrgUnitId start)
    {
        int steps = 0;
        for (OrgUnitId? current = start; current is OrgUnitId c; current = parents[c])
        {
            if (++steps > parents.Count)
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<NodeRef, NodeRef?> Parents(HierarchyIndex index) =>
        index.Roots.SelectMany(r => index.Descendants(r).Prepend(r)).ToDictionary(n => n, index.ParentOf);
}
