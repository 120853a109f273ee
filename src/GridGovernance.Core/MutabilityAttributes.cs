namespace GridGovernance;

/// <summary>Marks a public class whose instances never change after construction.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class ImmutableAttribute : Attribute
{
}

/// <summary>Marks a public class whose instances change through their behaviour methods.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
internal sealed class MutableAttribute : Attribute
{
}
