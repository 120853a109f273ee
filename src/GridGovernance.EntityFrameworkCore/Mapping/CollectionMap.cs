using System.Linq.Expressions;

namespace GridGovernance.EntityFrameworkCore.Mapping;

/// <summary>The query columns of a mapped collection's elements (see <see cref="AggregateMap{T}.Collection{TElement}"/>).</summary>
/// <typeparam name="TElement">The element type.</typeparam>
public sealed class CollectionMap<TElement>
{
    private readonly MappedCollection target;

    internal CollectionMap(MappedCollection target)
    {
        this.target = target;
    }

    /// <summary>Declares a query column of the element.</summary>
    /// <typeparam name="TValue">The path's type (see <see cref="AggregateMap{T}.Column{TValue}"/>).</typeparam>
    /// <param name="path">A chain of properties from the element.</param>
    /// <param name="column">The column name; by default the path with dots replaced by underscores.</param>
    /// <returns>This map, for chaining.</returns>
    public CollectionMap<TElement> Column<TValue>(Expression<Func<TElement, TValue>> path, string? column = null)
    {
        target.AddColumn(MappedColumn.Create(path, column, unique: false));
        return this;
    }
}
