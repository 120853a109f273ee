using System.Linq.Expressions;
using GridGovernance.Specifications;

namespace GridGovernance.Tests.Specifications;

/// <summary>
/// The behaviours of ardalis/Specification (v9.3.1, tests/Ardalis.Specification.Tests) that apply to our API, written
/// as our own tests. Each test names the case it follows as <c>Ardalis: File.Case</c>. Where we differ on purpose the
/// test says so: a second Select is misuse (theirs overwrites), LIKE has no [] classes and folds ASCII only (theirs is
/// SQL Server's), each Search is a filter of its own (theirs ORs searches of one group), a Skip or Take that was never
/// set is null (theirs is -1).
/// </summary>
public class ArdalisCasesTest
{
    private static readonly Customer[] Customers =
    [
        new(1, "axxa", "axya"),
        new(2, "aaaa", "aaaa"),
        new(3, "vvvv", "axya"),
        new(4, "aaaa", null),
    ];

    // Ardalis: Builder_Where.DoesNothing_GivenNoWhere, Builder_OrderBy.DoesNothing_GivenNoOrderBy,
    // Builder_Skip.DoesNothing_GivenNoSkip, Builder_Take.DoesNothing_GivenNoTake (both spec kinds).
    [Fact]
    public void NoVerbs_LeaveEverythingEmpty()
    {
        var plain = Specification.All<Customer>();
        var projecting = new NameOf();

        Assert.Empty(plain.WhereExpressions);
        Assert.Empty(projecting.WhereExpressions);
        Assert.Empty(plain.OrderExpressions);
        Assert.Empty(projecting.OrderExpressions);
        Assert.Null(plain.Skip);
        Assert.Null(projecting.Take);
    }

    // Ardalis: Builder_Where.DoesNothing_GivenWhereWithFalseCondition, AddsWhere_GivenWhere, AddsWhere_GivenMultipleWhere.
    [Fact]
    public void Where_Conditional_AddsTheSameExpressionOnlyWhenTrue()
    {
        Expression<Func<Customer, bool>> expr = c => c.Id > 1;

        var skipped = Specification.Create<Customer>(q => q.Where(c => c.Id > 1, false));
        var added = Specification.Create<Customer>(q => q.Where(expr).Where(c => c.Id > 2, true));

        Assert.Empty(skipped.WhereExpressions);
        Assert.Equal(2, added.WhereExpressions.Count);
        Assert.Same(expr, added.WhereExpressions[0]);
        Assert.Equal([3, 4], added.Evaluate(Customers).Select(c => c.Id));
    }

    // Ardalis: Builder_OrderBy.DoesNothing_GivenOrderByWithFalseCondition, AddsOrderBy_GivenOrderBy;
    // Builder_OrderByDescending (the same cases).
    [Fact]
    public void OrderBy_Conditional_AddsTheSameKeyOnlyWhenTrue()
    {
        Expression<Func<Customer, object?>> key = c => c.FirstName;

        var skipped = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName, false));
        var skippedDescending = Specification.Create<Customer>(q => q.OrderByDescending(c => c.FirstName, false));
        var added = Specification.Create<Customer>(q => q.OrderBy(key, true));
        var addedDescending = Specification.Create<Customer>(q => q.OrderByDescending(key, true));

        Assert.Empty(skipped.OrderExpressions);
        Assert.Empty(skippedDescending.OrderExpressions);
        Assert.Same(key, Assert.Single(added.OrderExpressions).KeySelector);
        Assert.Equal(OrderDirection.Ascending, added.OrderExpressions[0].Direction);
        Assert.Equal(OrderDirection.Descending, Assert.Single(addedDescending.OrderExpressions).Direction);
    }

    // Ardalis: Builder_OrderBy.AddsOrderBy_GivenMultipleOrderBy. Theirs keeps both; ours refuses the second, as it always has.
    [Fact]
    public void OrderBy_Twice_IsMisuse_ButNotWhenTheFirstWasDropped()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName).OrderBy(c => c.LastName)));
        var afterDropped = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName, false).OrderBy(c => c.LastName).ThenBy(c => c.Id));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
        Assert.Equal(2, afterDropped.OrderExpressions.Count);
    }

    // Ardalis: Builder_OrderThenBy.DoesNothing_GivenThenByWithFalseCondition, DoesNothing_GivenThenByWithDiscardedTopChain,
    // DoesNothing_GivenThenByWithDiscardedNestedChain, AddsThenBy_GivenThenBy, AddsThenBy_GivenThenByThenByDescending;
    // Builder_OrderThenByDescending (the same cases).
    [Fact]
    public void ThenBy_Conditional_DropsTheKeysChainedOnADroppedOne()
    {
        Expression<Func<Customer, object?>> last = c => c.LastName;

        var falseThenBy = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName).ThenBy(c => c.LastName, false));
        var droppedTop = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName, false).ThenBy(c => c.LastName).ThenByDescending(c => c.Id));
        var droppedNested = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName).ThenByDescending(c => c.LastName, false).ThenBy(c => c.Id));
        var added = Specification.Create<Customer>(q => q.OrderBy(c => c.FirstName).ThenBy(last).ThenByDescending(c => c.Id, true));

        Assert.Single(falseThenBy.OrderExpressions);
        Assert.Empty(droppedTop.OrderExpressions);
        Assert.Single(droppedNested.OrderExpressions);
        Assert.Equal(3, added.OrderExpressions.Count);
        Assert.Same(last, added.OrderExpressions[1].KeySelector);
        Assert.Equal([OrderDirection.Ascending, OrderDirection.Ascending, OrderDirection.Descending], added.OrderExpressions.Select(o => o.Direction));
    }

    // Ardalis: Builder_Skip.DoesNothing_GivenSkipWithFalseCondition, SetsSkip_GivenSkip, ThrowsDuplicateSkipException_GivenNewSkip;
    // Builder_Take (the same cases).
    [Fact]
    public void SkipAndTake_Conditional_SetOnlyWhenTrue_AndTwiceIsMisuse()
    {
        var skipped = Specification.Create<Customer>(q => q.Skip(1, false).Take(1, false));
        var set = Specification.Create<Customer>(q => q.Skip(1, true).Take(2));
        var skipTwice = Assert.Throws<GridGovernanceException>(() => Specification.Create<Customer>(q => q.Skip(1).Skip(2, true)));
        var takeTwice = Assert.Throws<GridGovernanceException>(() => Specification.Create<Customer>(q => q.Take(1, true).Take(2)));

        Assert.Null(skipped.Skip);
        Assert.Null(skipped.Take);
        Assert.Equal(1, set.Skip);
        Assert.Equal(2, set.Take);
        Assert.Equal(ErrorCodes.SpecificationMisuse, skipTwice.Code);
        Assert.Equal(ErrorCodes.SpecificationMisuse, takeTwice.Code);
    }

    [Fact]
    public void Conditional_False_DoesNotCheckItsArguments_True_Does()
    {
        string? none = null;

        var spec = Specification.Create<Customer>(q => q.Skip(-1, false).Take(-1, false).Where(null!, false).Search(c => c.FirstName, none!, false).OrderBy(null!, false));

        Assert.Empty(spec.WhereExpressions);
        Assert.Throws<GridGovernanceValidationException>(() => Specification.Create<Customer>(q => q.Skip(-1, true)));
        Assert.Throws<ArgumentNullException>(() => Specification.Create<Customer>(q => q.Search(c => c.FirstName, none!, true)));
        Assert.Throws<ArgumentNullException>(() => Specification.Create<Customer>(q => q.Where(null!, true)));
    }

    // Ardalis: Builder_Search.DoesNothing_GivenSearchWithFalseCondition, AddsSearch_GivenSingleSearch.
    [Fact]
    public void Search_Conditional_AddsAFilterOnlyWhenTrue()
    {
        var skipped = Specification.Create<Customer>(q => q.Search(c => c.FirstName, "%a%", false));
        var added = Specification.Create<Customer>(q => q.Search(c => c.FirstName, "%v%"));

        Assert.Empty(skipped.WhereExpressions);
        Assert.Single(added.WhereExpressions);
        Assert.Equal([3], added.Evaluate(Customers).Select(c => c.Id));
    }

    // Ardalis: SearchMemoryEvaluatorTests.Filters_GivenSingleSearch (a null value does not match).
    [Fact]
    public void Search_NullValue_DoesNotMatch()
    {
        var spec = Specification.Create<Customer>(q => q.Search(c => c.LastName, "%aa%"));

        Assert.Equal([2], spec.Evaluate(Customers).Select(c => c.Id));
    }

    // Ardalis: SearchMemoryEvaluatorTests.Filters_GivenSearchInSameGroup. Theirs ORs the two searches (one group); ours
    // ANDs them like any two filters, and an OR is written in one Where with LikePattern.IsMatch.
    [Fact]
    public void Search_Twice_BothMustHold_OrIsWrittenInOneWhere()
    {
        var both = Specification.Create<Customer>(q => q.Search(c => c.FirstName, "%xx%").Search(c => c.LastName, "%xy%"));
        var xx = new LikePattern("%xx%");
        var xy = new LikePattern("%xy%");
        var either = Specification.Create<Customer>(q => q.Where(c => xx.IsMatch(c.FirstName) || xy.IsMatch(c.LastName)));

        Assert.Equal([1], both.Evaluate(Customers).Select(c => c.Id));
        Assert.Equal([1, 3], either.Evaluate(Customers).Select(c => c.Id));
    }

    // Ardalis: Builder_Select.DoesNothing_GivenNoSelect, AddsSelector_GivenSelect. InMemorySpecificationEvaluatorTests.
    // Evaluate_ThrowsSelectorNotFoundException_GivenNoSelector: ours throws misuse.
    [Fact]
    public void Select_SetsTheSelector_WithoutOneItIsMisuse()
    {
        Expression<Func<Customer, string>> expr = c => c.FirstName;

        var spec = Specification.Create<Customer, string>(q => q.Select(expr));
        var missing = new NoSelect();
        var inline = Assert.Throws<GridGovernanceException>(() => Specification.Create<Customer, string>(q => q.Where(c => c.Id > 0)));

        Assert.Same(expr, spec.Selector);
        Assert.Equal(ErrorCodes.SpecificationMisuse, Assert.Throws<GridGovernanceException>(() => missing.Selector).Code);
        Assert.Equal(ErrorCodes.SpecificationMisuse, Assert.Throws<GridGovernanceException>(() => missing.Evaluate(Customers)).Code);
        Assert.Equal(ErrorCodes.SpecificationMisuse, inline.Code);
    }

    // Ardalis: Builder_Select.OverwritesSelector_GivenMultipleSelect. Theirs overwrites; ours refuses, like a second Skip.
    [Fact]
    public void Select_Twice_IsMisuse()
    {
        var ex = Assert.Throws<GridGovernanceException>(() => Specification.Create<Customer, string>(q => q.Select(c => c.LastName!).Select(c => c.FirstName)));

        Assert.Equal(ErrorCodes.SpecificationMisuse, ex.Code);
    }

    // Ardalis: InMemorySpecificationEvaluatorTests.Evaluate_Filters_GivenSpec.
    [Fact]
    public void Evaluate_WhereSearchOrderSkipTake()
    {
        var spec = Specification.Create<Customer>(q => q.Where(c => c.Id > 1).Search(c => c.LastName, "%xy%").OrderBy(c => c.Id).Skip(1).Take(1));

        Assert.Empty(spec.Evaluate(Customers));
        Assert.Equal([3], Specification.Create<Customer>(q => q.Where(c => c.Id > 1).Search(c => c.LastName, "%xy%").OrderBy(c => c.Id).Take(1))
            .Evaluate(Customers).Select(c => c.Id));
        Assert.Equal(spec.Evaluate(Customers), InMemorySpecificationEvaluator.Evaluate(Customers, spec));
    }

    // Ardalis: InMemorySpecificationEvaluatorTests.Evaluate_Filters_GivenSpecWithSelect (the projection follows the page).
    [Fact]
    public void Evaluate_WithSelect_ProjectsThePage()
    {
        var spec = Specification.Create<Customer, string>(q => q.Select(c => c.FirstName)
            .Where(c => c.Id > 0).Search(c => c.LastName, "%xy%").OrderBy(c => c.Id).Skip(1).Take(1));
        ISpecification<Customer, string> asInterface = spec;

        Assert.Equal(["vvvv"], spec.Evaluate(Customers));
        Assert.Equal(["vvvv"], asInterface.Evaluate(Customers));
        Assert.Equal(["vvvv"], InMemorySpecificationEvaluator.Evaluate(Customers, spec));
    }

    // Ardalis: InMemorySpecificationEvaluatorTests.Evaluate_DoesNotFilter_GivenEmptySpec.
    [Fact]
    public void Evaluate_EmptySpecification_KeepsEverythingInOrder()
    {
        Assert.Equal(Customers, Specification.All<Customer>().Evaluate(Customers));
    }

    // Ardalis: WhereEvaluatorCustomSpecTests.Filters_GivenSingleWhereExpression, Filters_GivenMultipleWhereExpressions,
    // DoesNotFilter_GivenNoWhereExpression: a specification of one's own is read through its expressions.
    [Fact]
    public void HandWritten_IsReadThroughItsExpressions()
    {
        var single = new HandWritten([c => c.Id > 3], [], null, null);
        var multiple = new HandWritten([c => c.Id > 1, c => c.Id < 4], [new(c => c.Id, OrderDirection.Descending)], 1, null);
        var none = new HandWritten([], [], null, null);

        Assert.Equal([4], single.Evaluate(Customers).Select(c => c.Id));
        Assert.Equal([2], multiple.Evaluate(Customers).Select(c => c.Id));
        Assert.Equal([1, 2, 3, 4], none.Evaluate(Customers).Select(c => c.Id));
        Assert.True(multiple.IsSatisfiedBy(Customers[2]));
        Assert.False(multiple.IsSatisfiedBy(Customers[3]));
    }

    [Fact]
    public void HandWritten_FiltersAreCompiledOncePerExpression()
    {
        var spec = new HandWritten([c => c.Id > 1], [], null, null);

        _ = spec.Evaluate(Customers).ToList();
        var first = InMemorySpecificationEvaluator.Compiled(spec.WhereExpressions[0]);
        _ = spec.Evaluate(Customers).ToList();

        Assert.Same(first, InMemorySpecificationEvaluator.Compiled(spec.WhereExpressions[0]));
    }

    [Fact]
    public void HandWritten_Malformed_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new HandWritten([null!], [], null, null).Evaluate(Customers));
        Assert.Throws<ArgumentException>(() => new HandWritten([], [null!], null, null).Evaluate(Customers));
        Assert.Throws<ArgumentException>(() => new HandWritten([], [], -1, null).Evaluate(Customers));
        Assert.Throws<ArgumentException>(() => new HandWritten([], [], null, -1).Evaluate(Customers));
    }

    // Ardalis: OrderExpressionInfoTests.Constructor_ThrowsArgumentNullException_GivenNullExpression, Constructor_GivenValidValues
    // (the key selector is compiled on first use, once).
    [Fact]
    public void OrderExpression_Constructor_ChecksAndKeepsItsArguments()
    {
        Expression<Func<Customer, object?>> key = c => c.FirstName;

        var order = new OrderExpression<Customer>(key, OrderDirection.Descending);
        var nullKey = Assert.Throws<ArgumentNullException>(() => new OrderExpression<Customer>(null!, OrderDirection.Ascending));
        var badDirection = Assert.Throws<GridGovernanceValidationException>(() => new OrderExpression<Customer>(key, (OrderDirection)7));

        Assert.Same(key, order.KeySelector);
        Assert.Equal(OrderDirection.Descending, order.Direction);
        Assert.Same(order.CompiledKeySelector, order.CompiledKeySelector);
        Assert.Equal("axxa", order.CompiledKeySelector(Customers[0]));
        Assert.Equal("keySelector", nullKey.ParamName);
        Assert.Equal("direction", badDirection.ParamName);
    }

    private sealed record Customer(int Id, string FirstName, string? LastName);

    private sealed class NameOf : Specification<Customer, string>
    {
    }

    private sealed class NoSelect : Specification<Customer, string>
    {
        public NoSelect() => Query.Where(c => c.Id > 0);
    }

    private sealed class HandWritten(
        IReadOnlyList<Expression<Func<Customer, bool>>> where, IReadOnlyList<OrderExpression<Customer>> order, int? skip, int? take)
        : ISpecification<Customer>
    {
        public IReadOnlyList<Expression<Func<Customer, bool>>> WhereExpressions { get; } = where;

        public IReadOnlyList<OrderExpression<Customer>> OrderExpressions { get; } = order;

        public int? Skip { get; } = skip;

        public int? Take { get; } = take;
    }
}
