namespace GridGovernance.Algorithms;

/// <summary>Builds the tables whose commands are their target states.</summary>
internal static class TransitionTables
{
    /// <summary>A "move to" table: each pair allows going from one state to another, and the command is the target.</summary>
    /// <param name="code">The error code of a refusal.</param>
    /// <param name="moves">The allowed moves.</param>
    internal static TransitionTable<TState, TState> Moves<TState>(string code, IEnumerable<(TState From, TState To)> moves)
        where TState : struct, Enum =>
        new(code, Preconditions.CheckNotNull(moves).Select(m => (m.From, m.To, m.To)), commandIsTarget: true);
}
