using GridGovernance.Specifications;

namespace GridGovernance.Tests.Specifications;

public partial class SpecificationTest
{
    [Fact]
    public void OrderBy_Twice_ThrowsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Person>(q => q.OrderBy(p => p.Age).OrderBy(p => p.Name)));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    [Fact]
    public void OrderByDescending_AfterOrderBy_ThrowsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Person>(q => q.OrderBy(p => p.Age).OrderByDescending(p => p.Name)));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    [Fact]
    public void OrderBy_AfterThenBy_ThrowsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Person>(q =>
        {
            q.OrderBy(p => p.Age).ThenBy(p => p.Name);
            q.Where(p => p.Age > 0).OrderByDescending(p => p.District);
        }));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    [Fact]
    public void Skip_Twice_ThrowsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Person>(q => q.Skip(1).Skip(1)));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    [Fact]
    public void Take_Twice_ThrowsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Person>(q => q.Take(5).Where(p => p.Age > 0).Take(5)));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    [Fact]
    public void Misuse_InDerivedConstructor_ThrowsAtConstruction()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => new TwoPages());

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
        Assert.Contains(nameof(TwoPages), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Take_Negative_IsRefused()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => Specification.Create<Person>(q => q.Take(-1)));

        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void Skip_Negative_IsRefused()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => Specification.Create<Person>(q => q.Skip(-1)));

        Assert.Equal("count", ex.ParamName);
    }

    [Fact]
    public void Where_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Specification.Create<Person>(q => q.Where(null!)));
    }

    [Fact]
    public void OrderBy_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Specification.Create<Person>(q => q.OrderBy(null!)));
    }

    [Fact]
    public void Create_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Specification.Create<Person>(null!));
    }

    [Fact]
    public void Evaluate_NullSource_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Specification.All<Person>().Evaluate(null!));
    }

    [Fact]
    public void InMemoryEvaluator_NullSpecification_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.Evaluate<Person>(People, null!));
    }

    private sealed class TwoPages : Specification<Person>
    {
        public TwoPages()
        {
            Query.Skip(10).Take(10);
            Query.Take(10);
        }
    }
}
