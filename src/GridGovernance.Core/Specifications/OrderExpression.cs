using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>One sort key of a specification.</summary>
/// <typeparam name="T">The queried type.</typeparam>
[Immutable]
public sealed class OrderExpression<T>
{
    private readonly Lazy<Func<T, object?>> compiled;

    internal OrderExpression(Expression<Func<T, object?>> keySelector, OrderDirection direction)
    {
        KeySelector = keySelector;
        Direction = direction;
        compiled = new Lazy<Func<T, object?>>(keySelector.Compile);
    }

    /// <summary>The key to sort by.</summary>
    public Expression<Func<T, object?>> KeySelector { get; }

    /// <summary>The direction.</summary>
    public OrderDirection Direction { get; }

    /// <summary>The compiled key selector, built once on first use.</summary>
    public Func<T, object?> CompiledKeySelector => compiled.Value;
}
