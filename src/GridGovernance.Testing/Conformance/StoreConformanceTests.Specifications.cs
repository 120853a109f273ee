using System.Linq.Expressions;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GridGovernance.Testing.Conformance;

// The read side of specifications (issue 15): projections, LIKE search, conditional verbs, and specifications written
// by hand against ISpecification<T>. Every store must give what InMemorySpecificationEvaluator gives on the whole list.
public abstract partial class StoreConformanceTests
{
    /// <summary>A projection gives, row for row, what the in-memory evaluator projects from the whole list: from columns, from documents, or from neither.</summary>
    [Fact]
    public async Task Projections_ListAsync_AsTheInMemoryEvaluatorProjects()
    {
        await SeedAsync();
        var all = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
        var suffix = "/" + City.Roster.Units[0].Kind.Code;

        await AssertProjectsAsync(all, Specification.Create<OrgUnit, UnitRow>(q => q
            .Select(u => new UnitRow(u.Id, u.Name, u.ParentId, u.IsClosed))
            .Where(u => u.Kind == UnitKind.GridBranch).OrderByDescending(u => u.Id.Value).Skip(1).Take(3)));
        // Computation on the columns (wrapped ids and codes, arithmetic, a captured value) runs as .NET runs it.
        await AssertProjectsAsync(all, Specification.Create<OrgUnit, string>(q => q
            .Select(u => u.Name + "/" + u.Kind.Code + (u.ParentId == null ? "" : "<" + (u.ParentId.Value.Value * 2)) + suffix)
            .OrderBy(u => u.Id)));
        // Only the document holds OpenedOn and NameOn: read from documents, with the same result.
        await AssertProjectsAsync(all, Specification.Create<OrgUnit, (OrgUnitId, NodaTime.LocalDate, string?)>(q => q
            .Select(u => ValueTuple.Create(u.Id, u.OpenedOn, u.NameOn(u.OpenedOn)))
            .Where(u => u.Kind == UnitKind.PartyGroup).OrderBy(u => u.Id.Value).Take(5)));
        // Nothing read from the row at all: one value per match.
        await AssertProjectsAsync(all, Specification.Create<OrgUnit, int>(q => q.Select(u => 7).Where(u => u.Kind == UnitKind.Community)));
        // The whole aggregate: a copy the caller owns, read from its document.
        var whole = Specification.Create<OrgUnit, OrgUnit>(q => q.Select(u => u).Where(u => !u.IsClosed).OrderBy(u => u.Id).Take(4));
        var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(whole));
        Assert.Equal(InMemorySpecificationEvaluator.Evaluate(all, whole).Select(u => u.Id), listed.Select(u => u.Id));
        Assert.All(listed, u => Assert.True(u.Version >= 1, "A projected aggregate carries its stored version."));
    }

    /// <summary>
    /// Search is SQL LIKE with the same rules in every store: % and _ wildcards, \ escapes, A–Z match a–z, every other
    /// character (É, é, 党) matches only itself, a _ is one character, and NOT of a search keeps the rows it did not match.
    /// </summary>
    [Fact]
    public async Task Search_LikePatterns_MatchTheSameRowsInEveryStore()
    {
        await SeedAsync();
        var names = new[] { "Maple Court", "maple yard", "MAPLE_LANE", "Ma%ple 100%", "Élan Street", "élan street", @"Back\slash", "枫林𠀀苑" };
        var groups = City.Roster.Units.Where(u => u.Kind == UnitKind.PartyGroup).Take(names.Length).ToArray();
        var renamedOn = City.Date.PlusDays(3);
        for (int i = 0; i < names.Length; i++)
        {
            await InScopeAsync(s => s.GetRequiredService<OrganisationService>().RenameUnitAsync(Actor.System("conformance"), groups[i].Id, names[i], renamedOn));
        }
        var all = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
        OrgUnitId[] Named(params string[] wanted) => [.. wanted.Select(w => groups[Array.IndexOf(names, w)].Id).OrderBy(id => id.Value)];

        var cases = new (string Pattern, OrgUnitId[]? Expected)[]
        {
            ("maple%", Named("Maple Court", "maple yard", "MAPLE_LANE")),
            (@"MAPLE\_%", Named("MAPLE_LANE")),
            ("_aple %", Named("Maple Court", "maple yard")),
            (@"ma\%ple%", Named("Ma%ple 100%")),
            (@"%100\%", Named("Ma%ple 100%")),
            ("élan%", Named("élan street")),
            ("Élan%", Named("Élan Street")),
            (@"back\\slash", Named(@"Back\slash")),
            ("枫林_苑", Named("枫林𠀀苑")),
            ("[m]aple%", Named()),
            ("maple", Named()),
            ("%党小组", null),
            ("_号楼%", null),
            ("%", null),
            ("", null),
        };
        foreach (var (pattern, expected) in cases)
        {
            var search = Specification.Create<OrgUnit>(q => q.Search(u => u.Name, pattern).OrderBy(u => u.Id.Value));
            var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(search));
            Assert.Equal(InMemorySpecificationEvaluator.Evaluate(all, search).Select(u => u.Id), listed.Select(u => u.Id));
            if (expected is not null)
            {
                Assert.Equal(expected, listed.Select(u => u.Id));
            }
        }

        // A pattern inside a Where: NOT, and OR over two fields.
        var maple = new LikePattern("%maple%");
        var building = new LikePattern("%楼%");
        var others = Specification.Create<OrgUnit>(q => q.Where(u => !maple.IsMatch(u.Name)).OrderBy(u => u.Id.Value));
        var either = Specification.Create<OrgUnit>(q => q.Where(u => maple.IsMatch(u.Name) || building.IsMatch(u.Name) && u.Kind == UnitKind.PartyGroup).OrderBy(u => u.Id.Value));
        foreach (var specification in new[] { others, either })
        {
            var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(specification));
            Assert.Equal(InMemorySpecificationEvaluator.Evaluate(all, specification).Select(u => u.Id), listed.Select(u => u.Id));
        }
        Assert.Equal(all.Count - 3, await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().CountAsync(others)));
    }

    /// <summary>A verb whose condition is false adds nothing (an OrderBy takes its ThenBy keys with it); one whose condition holds counts as usual.</summary>
    [Fact]
    public async Task ConditionalVerbs_AFalseConditionAddsNothing()
    {
        await SeedAsync();
        var all = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
        string? noName = null;
        var conditional = Specification.Create<OrgUnit>(q =>
        {
            q.Where(u => u.Kind == UnitKind.PartyGroup, condition: true).Where(u => u.IsClosed, condition: false);
            q.Search(u => u.Name, noName!, condition: noName is not null);
            q.OrderBy(u => u.Name, condition: false).ThenBy(u => u.Kind);
            q.OrderByDescending(u => u.Id.Value, condition: true).ThenBy(u => u.Name, condition: false).ThenBy(u => u.Kind);
            q.Skip(-1, condition: false).Skip(2, condition: true).Take(5, condition: true).Take(100, condition: false);
        });
        var plain = Specification.Create<OrgUnit>(q => q.Where(u => u.Kind == UnitKind.PartyGroup).OrderByDescending(u => u.Id.Value).Skip(2).Take(5));

        Assert.Single(conditional.WhereExpressions);
        Assert.Single(conditional.OrderExpressions);
        var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(conditional));
        Assert.Equal(InMemorySpecificationEvaluator.Evaluate(all, plain).Select(u => u.Id), listed.Select(u => u.Id));
        Assert.Equal(5, listed.Count);
    }

    /// <summary>A specification written by hand against <see cref="ISpecification{T}"/> gives in every store what the equivalent built one gives.</summary>
    [Fact]
    public async Task HandWrittenSpecifications_GiveTheRowsOfTheirExpressions()
    {
        await SeedAsync();
        var all = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync());
        var handWritten = new EvenUnitsOfKind(UnitKind.PartyGroup);
        var built = Specification.Create<OrgUnit>(q => q
            .Where(u => u.Kind == UnitKind.PartyGroup).Where(u => u.Id.Value % 2 == 0)
            .OrderBy(u => u.ParentId).ThenByDescending(u => u.Id.Value).Skip(1).Take(6));

        var expected = InMemorySpecificationEvaluator.Evaluate(all, built).Select(u => u.Id).ToList();
        var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync((ISpecification<OrgUnit>)handWritten));
        var projected = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(handWritten));

        Assert.Equal(6, expected.Count);
        Assert.Equal(expected, InMemorySpecificationEvaluator.Evaluate(all, (ISpecification<OrgUnit>)handWritten).Select(u => u.Id));
        Assert.Equal(expected, listed.Select(u => u.Id));
        Assert.Equal(expected.Select(id => id.Value), projected);
        Assert.Equal(expected.Select(id => id.Value), InMemorySpecificationEvaluator.Evaluate(all, handWritten));
        Assert.Equal(all.Count(u => u.Kind == UnitKind.PartyGroup && u.Id.Value % 2 == 0),
            await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().CountAsync(handWritten)));
    }

    private async Task AssertProjectsAsync<TResult>(IReadOnlyList<OrgUnit> all, Specification<OrgUnit, TResult> specification)
    {
        var expected = InMemorySpecificationEvaluator.Evaluate(all, specification).ToList();
        var listed = await InScopeAsync(s => s.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync(specification));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed);
    }

    private sealed record UnitRow(OrgUnitId Id, string Name, OrgUnitId? ParentId, bool IsClosed);

    // Written against the interfaces alone, as a caller with their own query objects would.
    private sealed class EvenUnitsOfKind : ISpecification<OrgUnit, int>
    {
        public EvenUnitsOfKind(UnitKind kind)
        {
            WhereExpressions = [u => u.Kind == kind, u => u.Id.Value % 2 == 0];
        }

        public IReadOnlyList<Expression<Func<OrgUnit, bool>>> WhereExpressions { get; }

        public IReadOnlyList<OrderExpression<OrgUnit>> OrderExpressions { get; } =
            [new(u => u.ParentId, OrderDirection.Ascending), new(u => u.Id.Value, OrderDirection.Descending)];

        public int? Skip => 1;

        public int? Take => 6;

        public Expression<Func<OrgUnit, int>> Selector { get; } = u => u.Id.Value;
    }
}
