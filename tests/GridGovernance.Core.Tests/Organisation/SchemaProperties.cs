using FsCheck.Xunit;
using GridGovernance.Organisation;

namespace GridGovernance.Tests.Organisation;

public sealed class SchemaProperties
{
    public static TheoryData<string> Presets => new(HierarchySchemas.All.Select(s => s.Name));

    /// <summary>Exhaustive over each preset: every (child kind, parent kind) pair is accepted exactly when the schema allows it.</summary>
    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_RefusesEveryForbiddenParent_AndAcceptsEveryAllowedOne(string presetName)
    {
        var schema = HierarchySchemas.All.Single(s => s.Name == presetName);
        var date = new NodaTime.LocalDate(2024, 1, 1);
        using var harness = CityHarness.Create(schema);
        var representative = BuildOneOfEachKind(harness, schema, date);
        int next = 10_000;
        foreach (var child in schema.Kinds.Where(k => !schema.RootKinds.Contains(k)))
        {
            foreach (var (parentKind, parent) in representative)
            {
                var id = new OrgUnitId(next++);
                var refusal = harness.TryRun(s => s.AddUnitAsync(TestActors.System, new UnitDraft(id, child, "probe", parent), date));
                if (schema.Allows(child, parentKind))
                {
                    Assert.Null(refusal);
                }
                else
                {
                    var problem = Assert.Single(Assert.IsType<GridGovernanceValidationException>(refusal).Problems);
                    Assert.Equal(ErrorCodes.ParentKindNotAllowed, problem.Rule);
                    Assert.Equal("Units[0].ParentId", problem.Field);
                }
            }
        }
    }

    /// <summary>Random schemas over four kinds: a parent is accepted exactly when the random relation allows it.</summary>
    [Property(MaxTest = 60)]
    public bool RandomSchema_AcceptsExactlyTheAllowedParents(bool[] relation)
    {
        var kinds = new[] { new UnitKind("a"), new UnitKind("b"), new UnitKind("c"), new UnitKind("d") };
        bool Allowed(int child, int parent) => relation.Length > 0 && relation[(child * kinds.Length + parent) % relation.Length];
        var builder = HierarchySchema.CreateBuilder("random").Root(kinds[0]).MembersIn(kinds[0]).HouseholdsIn(kinds[0]).Grid(kinds[0]);
        for (int c = 1; c < kinds.Length; c++)
        {
            builder.Under(kinds[c], [.. Enumerable.Range(0, kinds.Length).Where(p => Allowed(c, p)).Select(p => kinds[p])]);
        }
        var schema = builder.Build();
        var date = new NodaTime.LocalDate(2024, 1, 1);
        using var harness = CityHarness.Create(schema);
        var representative = BuildOneOfEachKind(harness, schema, date);
        int next = 100;
        foreach (var child in kinds.Skip(1))
        {
            foreach (var (parentKind, parent) in representative)
            {
                var refusal = harness.TryRun(s => s.AddUnitAsync(TestActors.System, new UnitDraft(new OrgUnitId(next++), child, "probe", parent), date));
                if ((refusal is null) != schema.Allows(child, parentKind))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Adds one unit of every kind that can be reached from a root, breadth first.</summary>
    private static List<(UnitKind Kind, OrgUnitId Id)> BuildOneOfEachKind(CityHarness harness, HierarchySchema schema, NodaTime.LocalDate date)
    {
        var made = new List<(UnitKind Kind, OrgUnitId Id)>();
        int next = 1;
        foreach (var root in schema.RootKinds)
        {
            var id = new OrgUnitId(next++);
            harness.Run(s => s.AddUnitAsync(TestActors.System, new UnitDraft(id, root, root.Code, null), date));
            made.Add((root, id));
        }
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (var kind in schema.Kinds.Where(k => made.All(m => m.Kind != k)).OrderBy(k => k.Code, StringComparer.Ordinal))
            {
                var parent = made.FirstOrDefault(m => schema.Allows(kind, m.Kind));
                if (parent.Id.IsSpecified)
                {
                    var id = new OrgUnitId(next++);
                    harness.Run(s => s.AddUnitAsync(TestActors.System, new UnitDraft(id, kind, kind.Code, parent.Id), date));
                    made.Add((kind, id));
                    grew = true;
                }
            }
        }
        return made;
    }
}
