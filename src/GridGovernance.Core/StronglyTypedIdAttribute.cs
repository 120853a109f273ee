using System.Diagnostics;

namespace GridGovernance;

/// <summary>
/// Marks a <c>readonly partial record struct</c> as an id whose body GridGovernance.Generators writes: a positive
/// number (<c>int</c>, or <c>long</c> when asked), <c>IsSpecified</c>, ordering and <c>ToString</c> as
/// <c>prefix:number</c>. Every id shares that one copy of the code.
/// </summary>
/// <remarks>
/// Conditional on a symbol that is never defined, so the attribute is read by the generator from source but
/// never written into the ids' metadata: the compiled ids are what the hand-written ones were.
/// </remarks>
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
[Conditional("GRIDGOVERNANCE_GENERATOR_ATTRIBUTES")]
internal sealed class StronglyTypedIdAttribute : Attribute
{
    /// <summary>An id over an <c>int</c>.</summary>
    /// <param name="prefix">What <c>ToString</c> writes before the colon, e.g. <c>member</c>.</param>
    public StronglyTypedIdAttribute(string prefix)
        : this(prefix, typeof(int))
    {
    }

    /// <summary>An id over <paramref name="valueType"/>, <c>int</c> or <c>long</c>.</summary>
    /// <param name="prefix">What <c>ToString</c> writes before the colon, e.g. <c>ledger</c>.</param>
    /// <param name="valueType">The number's type.</param>
    public StronglyTypedIdAttribute(string prefix, Type valueType)
    {
        Prefix = prefix;
        ValueType = valueType;
    }

    /// <summary>What <c>ToString</c> writes before the colon.</summary>
    public string Prefix { get; }

    /// <summary>The number's type.</summary>
    public Type ValueType { get; }
}
