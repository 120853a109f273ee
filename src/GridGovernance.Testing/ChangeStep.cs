namespace GridGovernance.Testing;

/// <summary>
/// One step of a <see cref="ChangeWithoutLoss"/> script. The step names what to do and two choices; which unit, member or
/// order they pick is decided when the step runs, from the state the earlier steps left (each choice modulo the number
/// of candidates), so every script runs on every city and shrinks to fewer and smaller choices.
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Pick">The first choice (a unit, member or order among the candidates), zero or more.</param>
/// <param name="Other">The second choice (a target, a kind, a department), zero or more.</param>
public readonly record struct ChangeStep(ChangeStepKind Kind, int Pick, int Other)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}({Pick}, {Other})";
}
