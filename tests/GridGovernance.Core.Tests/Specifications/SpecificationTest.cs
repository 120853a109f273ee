using GridGovernance.Specifications;

namespace GridGovernance.Tests.Specifications;

public partial class SpecificationTest
{
    private static readonly Person[] People =
    [
        new("Chen", 34, "north"),
        new("Li", 17, "south"),
        new("Wang", 52, "north"),
        new("Zhao", 34, "south"),
        new("Liu", 8, "north"),
        new("Sun", 71, "south"),
        new("Zhou", 34, "north"),
    ];

    [Fact]
    public void Evaluate_NoClauses_ReturnsSourceInOrder()
    {
        var result = Specification.All<Person>().Evaluate(People);

        Assert.Equal(People, result);
    }

    [Fact]
    public void Where_SeveralFilters_AllMustHold()
    {
        var spec = new AdultsIn("north");

        var names = spec.Evaluate(People).Select(p => p.Name);

        Assert.Equal(["Chen", "Wang", "Zhou"], names);
    }

    [Fact]
    public void OrderBy_SortsAscending()
    {
        var spec = Specification.Create<Person>(q => q.OrderBy(p => p.Age));

        var ages = spec.Evaluate(People).Select(p => p.Age);

        Assert.Equal([8, 17, 34, 34, 34, 52, 71], ages);
    }

    [Fact]
    public void OrderByDescending_SortsDescending()
    {
        var spec = Specification.Create<Person>(q => q.OrderByDescending(p => p.Name));

        var names = spec.Evaluate(People).Select(p => p.Name);

        Assert.Equal(["Zhou", "Zhao", "Wang", "Sun", "Liu", "Li", "Chen"], names);
    }

    [Fact]
    public void ThenBy_BreaksTiesOfTheFirstKey()
    {
        var spec = Specification.Create<Person>(q => q.OrderByDescending(p => p.Age).ThenBy(p => p.Name));

        // Reversed, so the tied 34-year-olds are not already in name order and a stable sort alone would fail.
        var names = spec.Evaluate(People.AsEnumerable().Reverse()).Select(p => p.Name);

        Assert.Equal(["Sun", "Wang", "Chen", "Zhao", "Zhou", "Li", "Liu"], names);
    }

    [Fact]
    public void ThenByDescending_BreaksTiesDescending()
    {
        var spec = Specification.Create<Person>(q => q.OrderBy(p => p.Age).ThenByDescending(p => p.Name));

        var names = spec.Evaluate(People).Select(p => p.Name);

        Assert.Equal(["Liu", "Li", "Zhou", "Zhao", "Chen", "Wang", "Sun"], names);
    }

    [Fact]
    public void ThenBy_SeveralKeys_AppliedInOrder()
    {
        var spec = Specification.Create<Person>(q => q.OrderBy(p => p.District).ThenByDescending(p => p.Age).ThenBy(p => p.Name));

        var names = spec.Evaluate(People.AsEnumerable().Reverse()).Select(p => p.Name);

        Assert.Equal(["Wang", "Chen", "Zhou", "Liu", "Sun", "Zhao", "Li"], names);
    }

    [Fact]
    public void Skip_CountsMatchesNotSourceItems()
    {
        // Paging the source before filtering would pick Li, who is then filtered out, leaving nothing.
        var spec = Specification.Create<Person>(q => q.Where(p => p.District == "north" && p.Age >= 18).Skip(1).Take(1));

        var result = Assert.Single(spec.Evaluate(People));

        Assert.Equal("Wang", result.Name);
    }

    [Fact]
    public void Take_AppliesAfterOrdering()
    {
        var spec = Specification.Create<Person>(q => q.OrderByDescending(p => p.Age).Take(2));

        var names = spec.Evaluate(People).Select(p => p.Name);

        Assert.Equal(["Sun", "Wang"], names);
    }

    [Fact]
    public void Skip_AppliesBeforeTake()
    {
        var spec = Specification.Create<Person>(q => q.OrderBy(p => p.Name).Skip(2).Take(3));

        var names = spec.Evaluate(People).Select(p => p.Name);

        Assert.Equal(["Liu", "Sun", "Wang"], names);
    }

    [Fact]
    public void Pipeline_OrderOfBuilderCalls_DoesNotMatter()
    {
        var written = Specification.Create<Person>(q => q.Where(p => p.Age >= 18).OrderBy(p => p.Name).Skip(1).Take(2));
        var scrambled = Specification.Create<Person>(q =>
        {
            q.Take(2);
            q.Skip(1);
            q.OrderBy(p => p.Name);
            q.Where(p => p.Age >= 18);
        });

        Assert.Equal(["Sun", "Wang"], written.Evaluate(People).Select(p => p.Name));
        Assert.Equal(written.Evaluate(People), scrambled.Evaluate(People));
    }

    [Fact]
    public void Skip_BeyondTheMatches_ReturnsNothing()
    {
        var spec = Specification.Create<Person>(q => q.Skip(People.Length));

        Assert.Empty(spec.Evaluate(People));
    }

    [Fact]
    public void Take_Zero_ReturnsNothing()
    {
        var spec = Specification.Create<Person>(q => q.Take(0));

        Assert.Empty(spec.Evaluate(People));
    }

    [Fact]
    public void Evaluate_EmptySource_ReturnsNothing()
    {
        var spec = new AdultsIn("north");

        Assert.Empty(spec.Evaluate([]));
    }

    [Fact]
    public void Evaluate_Twice_GivesTheSameResult()
    {
        var spec = new AdultsIn("south");

        Assert.Equal(spec.Evaluate(People).ToArray(), spec.Evaluate(People).ToArray());
    }

    [Fact]
    public void Properties_DescribeTheQuery()
    {
        var spec = Specification.Create<Person>(q => q.Where(p => p.Age > 1).Where(p => p.Age < 99)
            .OrderByDescending(p => p.Age).ThenBy(p => p.Name).Skip(3).Take(4));

        Assert.Equal(2, spec.WhereExpressions.Count);
        Assert.Equal([OrderDirection.Descending, OrderDirection.Ascending], spec.OrderExpressions.Select(o => o.Direction));
        Assert.Equal(52, spec.OrderExpressions[0].CompiledKeySelector(People[2]));
        Assert.Equal("Wang", spec.OrderExpressions[1].KeySelector.Compile()(People[2]));
        Assert.Equal(3, spec.Skip);
        Assert.Equal(4, spec.Take);
    }

    [Fact]
    public void Properties_Unset_AreEmptyOrNull()
    {
        var spec = Specification.All<Person>();

        Assert.Empty(spec.WhereExpressions);
        Assert.Empty(spec.OrderExpressions);
        Assert.Null(spec.Skip);
        Assert.Null(spec.Take);
    }

    [Fact]
    public void IsSatisfiedBy_AllFiltersHold_True()
    {
        var spec = new AdultsIn("north");

        Assert.True(spec.IsSatisfiedBy(new Person("Chen", 34, "north")));
    }

    [Theory]
    [InlineData(17, "north")]
    [InlineData(34, "south")]
    public void IsSatisfiedBy_AnyFilterFails_False(int age, string district)
    {
        var spec = new AdultsIn("north");

        Assert.False(spec.IsSatisfiedBy(new Person("Chen", age, district)));
    }

    [Fact]
    public void IsSatisfiedBy_NoFilters_True()
    {
        Assert.True(Specification.All<Person>().IsSatisfiedBy(People[0]));
    }

    [Fact]
    public void IsSatisfiedBy_IgnoresPaging()
    {
        // Take(0) leaves Evaluate empty, yet every adult still satisfies the filter.
        var spec = Specification.Create<Person>(q => q.Where(p => p.Age >= 18).OrderBy(p => p.Name).Skip(5).Take(0));

        Assert.Empty(spec.Evaluate(People));
        Assert.True(spec.IsSatisfiedBy(People[0]));
        Assert.False(spec.IsSatisfiedBy(People[1]));
    }

    [Fact]
    public void InMemoryEvaluator_WithoutPaging_IgnoresSkipAndTake()
    {
        var spec = Specification.Create<Person>(q => q.Where(p => p.District == "south").OrderBy(p => p.Age).Skip(1).Take(1));

        var paged = InMemorySpecificationEvaluator.Evaluate(People, spec).Select(p => p.Name);
        var unpaged = InMemorySpecificationEvaluator.Evaluate(People, spec, applyPaging: false).Select(p => p.Name);

        Assert.Equal(["Zhao"], paged);
        Assert.Equal(["Li", "Zhao", "Sun"], unpaged);
    }

    [Fact]
    public void Create_RunsTheBuilderOnce()
    {
        int calls = 0;

        var spec = Specification.Create<Person>(q =>
        {
            calls++;
            q.Where(p => p.Age < 18);
        });
        var names = spec.Evaluate(People).Select(p => p.Name).ToArray();
        _ = spec.Evaluate(People).ToArray();

        Assert.Equal(1, calls);
        Assert.Equal(["Li", "Liu"], names);
    }

    [Fact]
    public void Create_EachCall_IsIndependent()
    {
        var young = Specification.Create<Person>(q => q.Where(p => p.Age < 18));
        var old = Specification.Create<Person>(q => q.Where(p => p.Age > 60));

        Assert.Equal(["Li", "Liu"], young.Evaluate(People).Select(p => p.Name));
        Assert.Equal(["Sun"], old.Evaluate(People).Select(p => p.Name));
    }

    [Fact]
    public void SingleResultSpecification_IsASingleResultSpecification()
    {
        ISpecification<Person> spec = new PersonNamed("Wang");

        Assert.IsAssignableFrom<ISingleResultSpecification<Person>>(spec);
        Assert.Equal(52, Assert.Single(spec.Evaluate(People)).Age);
    }

    private sealed record Person(string Name, int Age, string District);

    private sealed class AdultsIn : Specification<Person>
    {
        public AdultsIn(string district)
        {
            Query.Where(p => p.Age >= 18).Where(p => p.District == district);
        }
    }

    private sealed class PersonNamed : SingleResultSpecification<Person>
    {
        public PersonNamed(string name)
        {
            Query.Where(p => p.Name == name);
        }
    }
}
