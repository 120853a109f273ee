using System.Linq.Expressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.EntityFrameworkCore.Tests.Storage;

/// <summary>A community in a SQLite file, imported once for the properties of <see cref="SpecificationPropertiesTest"/>.</summary>
public sealed class SeededSqlite : IAsyncLifetime
{
    private readonly TestDatabase database = TestDatabase.Sqlite();

    public ServiceProvider Services { get; private set; } = null!;

    public IReadOnlyList<OrgUnit> Units { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var city = CityGenerator.Generate(CitySize.Community, seed: 11);
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2024, 3, 1, 2, 0)));
        database.AddStore(services);
        services.AddGridGovernance(o => o.Schema = city.Schema);
        Services = services.BuildServiceProvider();
        await GridGovernanceDatabase.MigrateAsync(Services);
        await using (var scope = Services.CreateAsyncScope())
        {
            await city.ImportAsync(scope.ServiceProvider.GetRequiredService<OrganisationService>());
        }
        await using (var scope = Services.CreateAsyncScope())
        {
            Units = await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        database.Dispose();
    }
}

/// <summary>For generated specifications (filters with AND, OR, NOT and LIKE; sort keys; pages; projections), SQLite gives the rows and values the in-memory evaluator gives.</summary>
public sealed class SpecificationPropertiesTest(SeededSqlite seeded) : IClassFixture<SeededSqlite>
{
    private static readonly ParameterExpression U = Expression.Parameter(typeof(OrgUnit), "u");

    private static readonly Expression<Func<OrgUnit, object?>>[] Keys = [u => u.Id.Value, u => u.Kind, u => u.ParentId, u => u.IsClosed];

    private static readonly Expression<Func<OrgUnit, string>>[] Selectors =
    [
        u => u.Id.Value + ":" + u.Name,
        u => u.Kind.Code + (u.ParentId == null ? "-" : "<" + (u.ParentId.Value.Value * 3)) + (u.IsClosed ? "x" : ""),
        u => u.NameOn(u.OpenedOn) ?? "",
    ];

    [Property(MaxTest = 60)]
    public Property Sqlite_GivesWhatTheInMemoryEvaluatorGives() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var specification = c.Build();
            var expected = InMemorySpecificationEvaluator.Evaluate(seeded.Units, (ISpecification<OrgUnit>)specification).Select(u => u.Id).ToList();
            var expectedValues = InMemorySpecificationEvaluator.Evaluate(seeded.Units, specification).ToList();
            var (listed, values, count) = ReadAsync(specification).GetAwaiter().GetResult();
            return (expected.SequenceEqual(listed) && expectedValues.SequenceEqual(values)
                    && count == InMemorySpecificationEvaluator.Evaluate(seeded.Units, specification, applyPaging: false).Count())
                .Label($"{c}: expected {expected.Count} rows, got {listed.Count}");
        });

    private async Task<(List<OrgUnitId> Listed, IReadOnlyList<string> Values, int Count)> ReadAsync(Specification<OrgUnit, string> specification)
    {
        await using var scope = seeded.Services.CreateAsyncScope();
        var units = scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>();
        var listed = await units.ListAsync((ISpecification<OrgUnit>)specification);
        return ([.. listed.Select(u => u.Id)], await units.ListAsync(specification), await units.CountAsync(specification));
    }

    private static Gen<Case> Cases =>
        from filters in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Gen.Sized(s => FilterGen(Math.Min(s / 10, 3))), n))
        from order in Gen.Choose(-1, Keys.Length - 1)
        from isDescending in Gen.Elements(false, true)
        from then in Gen.Choose(-1, Keys.Length - 1)
        from thenIsDescending in Gen.Elements(false, true)
        from skip in Gen.Choose(-1, 20)
        from take in Gen.Choose(-1, 30)
        from selector in Gen.Choose(0, Selectors.Length - 1)
        select new Case(filters, order, isDescending, then, thenIsDescending, skip, take, selector);

    private static Gen<FilterCase> FilterGen(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements(UnitKind.Street, UnitKind.Community, UnitKind.GridBranch, UnitKind.PartyGroup)
                .Select(k => new FilterCase($"Kind == {k}", (Expression<Func<OrgUnit, bool>>)(u => u.Kind == k))),
            Gen.Elements(false, true).Select(b => new FilterCase($"IsClosed == {b}", (Expression<Func<OrgUnit, bool>>)(u => u.IsClosed == b))),
            Gen.Choose(0, 200).Select(n => new FilterCase($"Id < {n}", (Expression<Func<OrgUnit, bool>>)(u => u.Id.Value < n))),
            Gen.Choose(2, 5).SelectMany(m => Gen.Choose(0, m - 1).Select(r => new FilterCase($"Id % {m} == {r}", (Expression<Func<OrgUnit, bool>>)(u => u.Id.Value % m == r)))),
            Gen.Choose(0, 40).Select(n =>
            {
                OrgUnitId? parent = n == 0 ? null : new OrgUnitId(n);
                return new FilterCase($"ParentId == {parent}", (Expression<Func<OrgUnit, bool>>)(u => u.ParentId == parent));
            }),
            Gen.ArrayOf(Gen.Elements("%", "_", "号", "楼", "党", "1", "2", "小组", "网格", "第", @"\%", "A", "a")).Select(parts =>
            {
                var like = new LikePattern(string.Concat(parts));
                return new FilterCase($"Name LIKE '{like}'", (Expression<Func<OrgUnit, bool>>)(u => like.IsMatch(u.Name)));
            }));
        if (depth <= 0)
        {
            return leaf;
        }
        var smaller = FilterGen(depth - 1);
        return Gen.OneOf(
            leaf,
            from a in smaller from b in smaller select a.And(b),
            from a in smaller from b in smaller select a.Or(b),
            smaller.Select(a => a.Not()));
    }

    public sealed record FilterCase(string Text, Expression<Func<OrgUnit, bool>> Lambda)
    {
        public FilterCase And(FilterCase other) => new($"({Text} && {other.Text})", Combine(Expression.AndAlso, other));

        public FilterCase Or(FilterCase other) => new($"({Text} || {other.Text})", Combine(Expression.OrElse, other));

        public FilterCase Not() => new($"!({Text})", Expression.Lambda<Func<OrgUnit, bool>>(Expression.Not(Body(Lambda)), U));

        public override string ToString() => Text;

        private Expression<Func<OrgUnit, bool>> Combine(Func<Expression, Expression, BinaryExpression> join, FilterCase other) =>
            Expression.Lambda<Func<OrgUnit, bool>>(join(Body(Lambda), Body(other.Lambda)), U);

        private static Expression Body(Expression<Func<OrgUnit, bool>> lambda) => new Rebind(lambda.Parameters[0]).Visit(lambda.Body);
    }

    public sealed record Case(FilterCase[] Filters, int Order, bool Descending, int Then, bool ThenDescending, int Skip, int Take, int Selector)
    {
        public Specification<OrgUnit, string> Build() => Specification.Create<OrgUnit, string>(q =>
        {
            q.Select(Selectors[Selector]);
            foreach (var filter in Filters)
            {
                q.Where(filter.Lambda);
            }
            var ordered = Descending ? q.OrderByDescending(Keys[Math.Max(Order, 0)], Order >= 0) : q.OrderBy(Keys[Math.Max(Order, 0)], Order >= 0);
            _ = ThenDescending ? ordered.ThenByDescending(Keys[Math.Max(Then, 0)], Then >= 0) : ordered.ThenBy(Keys[Math.Max(Then, 0)], Then >= 0);
            q.Skip(Skip, Skip >= 0).Take(Take, Take >= 0);
        });

        public override string ToString() =>
            $"[{string.Join(", ", Filters.Select(f => f.Text))}] order {Order}{(Descending ? " desc" : "")} then {Then}{(ThenDescending ? " desc" : "")} skip {Skip} take {Take} select {Selector}";
    }

    private sealed class Rebind(ParameterExpression from) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? U : node;
    }
}
