using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GridGovernance.Tests.Conventions;

/// <summary>
/// House rules that keep the public API honest about mutation (after NodaTime's MutabilityTest): every public
/// class says whether it is [Immutable] or [Mutable]; every public struct is readonly; and every aggregate keeps
/// its state in immutable values, which is what lets the in-memory store snapshot it with a shallow copy.
/// </summary>
public sealed class MutabilityTest
{
    private static readonly Assembly Core = typeof(GridGovernanceException).Assembly;

    private static IEnumerable<Type> PublicTypes => Core.GetTypes().Where(t => t.IsVisible);

    [Fact]
    public void AllPublicClasses_AreAnnotatedImmutableOrMutable()
    {
        var missing = PublicTypes
            .Where(t => t.IsClass && !typeof(Delegate).IsAssignableFrom(t))
            .Where(t => !HasAttribute(t, "ImmutableAttribute") && !HasAttribute(t, "MutableAttribute"))
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(missing.Count == 0, "Public classes without [Immutable] or [Mutable]: " + string.Join(", ", missing));
    }

    [Fact]
    public void AllPublicStructs_AreReadOnly()
    {
        var mutable = PublicTypes
            .Where(t => t.IsValueType && !t.IsEnum && !t.IsDefined(typeof(IsReadOnlyAttribute), false))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(mutable.Count == 0, "Public structs that are not readonly: " + string.Join(", ", mutable));
    }

    [Fact]
    public void Aggregates_KeepStateInImmutableValues()
    {
        var aggregates = Core.GetTypes().Where(t => !t.IsAbstract && IsAggregate(t)).ToList();
        Assert.NotEmpty(aggregates);
        var offending = new List<string>();
        foreach (var type in aggregates)
        {
            for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            {
                foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!IsImmutableType(field.FieldType))
                    {
                        offending.Add($"{type.Name}.{field.Name}: {field.FieldType.Name}");
                    }
                }
            }
        }
        Assert.True(offending.Count == 0, "Aggregate fields of mutable types: " + string.Join(", ", offending));
    }

    [Fact]
    public void ImmutableTypeCheck_RejectsMutableCollections()
    {
        // Guards the guard: the rule above must be able to fail.
        Assert.False(IsImmutableType(typeof(List<int>)));
        Assert.False(IsImmutableType(typeof(int[])));
        Assert.True(IsImmutableType(typeof(ImmutableArray<int>)));
    }

    private static bool IsAggregate(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsImmutableType(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is Type underlying)
        {
            return IsImmutableType(underlying);
        }
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return true;
        }
        if (type.Namespace == "System.Collections.Immutable")
        {
            return type.GetGenericArguments().All(IsImmutableType);
        }
        if (type.IsValueType)
        {
            return type.IsDefined(typeof(IsReadOnlyAttribute), false) || type.Namespace == "NodaTime";
        }
        if (type.IsInterface && type.Assembly == Core)
        {
            // Domain events are recorded records; the interface is only a marker.
            return type == typeof(IDomainEvent);
        }
        return type.Assembly == Core && HasAttribute(type, "ImmutableAttribute");
    }

    private static bool HasAttribute(Type type, string name) =>
        type.GetCustomAttributes(false).Any(a => a.GetType().Name == name);
}
