namespace GridGovernance.Testing;

/// <summary>What a <see cref="ChangeWithoutLoss"/> script did.</summary>
/// <param name="Applied">Steps that went through.</param>
/// <param name="Refused">Steps the library refused (each checked to have changed nothing).</param>
/// <param name="Violation">The first broken invariant, with its step and day, or <c>null</c> when every invariant held after every step.</param>
public sealed record ChangeRun(int Applied, int Refused, string? Violation)
{
    /// <summary>Whether every invariant held after every step.</summary>
    public bool Holds => Violation is null;
}
