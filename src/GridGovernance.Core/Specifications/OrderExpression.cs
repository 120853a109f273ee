using System.Linq.Expressions;

namespace GridGovernance.Specifications;

/// <summary>One sort key of a specification.</summary>
/// <typeparam name="T">The queried type.</typeparam>
[Immutable]
public sealed class OrderExpression<T>
{
    private readonly Lazy<Func<T, object?>> compiled;

    /// <summary>Makes a sort key, for an <see cref="ISpecification{T}"/> of your own (the builder makes them for a <see cref="Specification{T}"/>).</summary>
    /// <param name="keySelector">The key to sort by.</param>
    /// <param name="direction">The direction.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keySelector"/> is null.</exception>
    /// <exception cref="GridGovernanceValidationException"><paramref name="direction"/> is not a defined <see cref="OrderDirection"/>.</exception>
    public OrderExpression(Expression<Func<T, object?>> keySelector, OrderDirection direction)
    {
        Preconditions.CheckNotNull(keySelector);
        if (!Enum.IsDefined(direction))
        {
            throw Preconditions.InvalidInput(nameof(direction), ErrorCodes.UndefinedEnum, $"{nameof(direction)} must be Ascending or Descending; it was {(int)direction}.");
        }
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
