namespace GridGovernance.Tests.Algorithms;

/// <summary>Every (state, command) pair of two enums, for the exhaustive tests of the transition tables.</summary>
internal static class StatePairs
{
    public static TheoryData<TState, TCommand> All<TState, TCommand>(Func<TCommand, bool>? include = null)
        where TState : struct, Enum
        where TCommand : struct, Enum
    {
        var data = new TheoryData<TState, TCommand>();
        foreach (var from in Enum.GetValues<TState>())
        {
            foreach (var command in Enum.GetValues<TCommand>().Where(include ?? (_ => true)))
            {
                data.Add(from, command);
            }
        }
        return data;
    }
}
