using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace GridGovernance.Algorithms;

/// <summary>
/// A finite transition table, state × command → state, shared by every workflow of the library (ledger entries,
/// publications and objections, service projects, micro-wishes, work orders); each module keeps its own rows and
/// its own error code. A command with no row for the current state throws <see cref="IllegalTransitionException"/>.
/// </summary>
/// <remarks>
/// A table whose commands are its target states (a "move to" table: approve is "go to Approved") is built with
/// <see cref="TransitionTables.Moves{TState}"/>; its refusals then name only the states. The table is a flat array
/// indexed by (state, command), so a check costs one array read whatever the size of the table.
/// </remarks>
/// <typeparam name="TState">The states; an int enum whose values are 0 … n−1.</typeparam>
/// <typeparam name="TCommand">The commands; an int enum whose values are 0 … n−1.</typeparam>
internal sealed class TransitionTable<TState, TCommand>
    where TState : struct, Enum
    where TCommand : struct, Enum
{
    private static readonly int StateCount = DenseCount<TState>();
    private static readonly int CommandCount = DenseCount<TCommand>();

    // (int)From * CommandCount + (int)Command → (int)To, or -1 when there is no row.
    private readonly ImmutableArray<int> lookup;
    private readonly string code;
    private readonly bool commandIsTarget;

    /// <summary>Builds a table; each (state, command) pair may have one row.</summary>
    /// <param name="code">The error code of a refusal, e.g. <see cref="ErrorCodes.WorkOrderIllegalTransition"/>.</param>
    /// <param name="rows">The allowed transitions.</param>
    /// <param name="commandIsTarget">Whether every command names the state it leads to (refusals then name only states).</param>
    internal TransitionTable(string code, IEnumerable<(TState From, TCommand Command, TState To)> rows, bool commandIsTarget = false)
    {
        this.code = Preconditions.CheckNotBlank(code);
        this.commandIsTarget = commandIsTarget;
        Rows = [.. Preconditions.CheckNotNull(rows)];
        var table = new int[StateCount * CommandCount];
        Array.Fill(table, -1);
        foreach (var (from, command, to) in Rows)
        {
            ref int cell = ref table[Index(from, command)];
            if (cell >= 0)
            {
                throw new ArgumentException($"The table has two rows for {command} in {from}.", nameof(rows));
            }
            cell = AsInt(to);
        }
        lookup = [.. table];
    }

    /// <summary>Every row, in the order given.</summary>
    internal ImmutableArray<(TState From, TCommand Command, TState To)> Rows { get; }

    /// <summary>The state <paramref name="command"/> leads to from <paramref name="from"/>, or <c>null</c> when there is no row.</summary>
    internal TState? Next(TState from, TCommand command)
    {
        int to = lookup[Index(from, command)];
        return to < 0 ? null : Unsafe.As<int, TState>(ref to);
    }

    /// <summary>Whether there is a row for <paramref name="command"/> in <paramref name="from"/>.</summary>
    internal bool Allows(TState from, TCommand command) => lookup[Index(from, command)] >= 0;

    /// <summary>The rows that start from <paramref name="from"/>.</summary>
    internal IEnumerable<(TState From, TCommand Command, TState To)> From(TState from) => Rows.Where(r => EqualityComparer<TState>.Default.Equals(r.From, from));

    /// <summary>
    /// The state <paramref name="command"/> would lead to from <paramref name="from"/>: the row's when there is one,
    /// otherwise the state the command leads to wherever it is allowed, or <paramref name="from"/> when the command
    /// records without moving or leads to different states from different places. Names the wanted state of a refusal.
    /// </summary>
    internal TState IntendedTarget(TState from, TCommand command)
    {
        if (Next(from, command) is TState to)
        {
            return to;
        }
        if (commandIsTarget)
        {
            return Unsafe.As<TCommand, TState>(ref command);
        }
        var rows = Rows.Where(r => EqualityComparer<TCommand>.Default.Equals(r.Command, command)).ToList();
        var targets = rows.Select(r => r.To).Distinct().ToList();
        bool staysPut = rows.All(r => EqualityComparer<TState>.Default.Equals(r.From, r.To));
        return staysPut || targets.Count != 1 ? from : targets[0];
    }

    /// <summary>The state <paramref name="command"/> leads to from <paramref name="from"/>.</summary>
    /// <param name="from">The current state.</param>
    /// <param name="command">The command.</param>
    /// <param name="subject">What is moved, for the message, e.g. <c>WorkOrder workorder:5</c>.</param>
    /// <param name="aggregateId">The id of the aggregate that holds the state.</param>
    /// <param name="actor">Who asked, when the module knows.</param>
    /// <exception cref="IllegalTransitionException">There is no row for <paramref name="command"/> in <paramref name="from"/>.</exception>
    internal TState Apply(TState from, TCommand command, string subject, object aggregateId, string? actor = null) =>
        Next(from, command) ?? throw new IllegalTransitionException(
            code, subject, aggregateId, from.ToString(), command.ToString(), IntendedTarget(from, command).ToString(), actor,
            From(from).Select(r => commandIsTarget ? r.To.ToString() : $"{r.Command} → {r.To}"));

    private static int Index(TState from, TCommand command) => AsInt(from) * CommandCount + AsInt(command);

    private static int AsInt<T>(T value)
        where T : struct, Enum => Unsafe.As<T, int>(ref value);

    private static int DenseCount<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int) || values.Select(v => AsInt(v)).Order().Where((v, i) => v != i).Any())
        {
            throw new InvalidOperationException($"{typeof(T).Name} must be an int enum numbered 0 … n−1 to index a transition table.");
        }
        return values.Length;
    }
}
