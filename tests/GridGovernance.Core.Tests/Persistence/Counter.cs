using System.Collections.Immutable;

namespace GridGovernance.Tests.Persistence;

public readonly record struct CounterId(int Value);

public sealed record CounterIncremented(CounterId Id, int Value) : IDomainEvent;

/// <summary>
/// A minimal aggregate for storage tests. Its state lives in immutable values that behaviour methods replace,
/// as the store's shallow-copy snapshots require.
/// </summary>
public sealed class Counter : AggregateRoot<CounterId>
{
    public Counter(int id, string label, int value = 0)
        : base(new CounterId(id))
    {
        Label = label;
        Value = value;
    }

    public string Label { get; private set; }

    public int Value { get; private set; }

    public ImmutableArray<int> History { get; private set; } = [];

    public void Increment(int by = 1)
    {
        History = History.Add(Value);
        Value += by;
        Raise(new CounterIncremented(Id, Value));
    }

    public void Set(int value)
    {
        History = History.Add(Value);
        Value = value;
    }

    public void Relabel(string label) => Label = label;
}

/// <summary>A second aggregate type, to show that one unit of work spans repositories.</summary>
public sealed class Ledger : AggregateRoot<CounterId>
{
    public Ledger(int id, decimal balance)
        : base(new CounterId(id))
    {
        Balance = balance;
    }

    public decimal Balance { get; private set; }

    public void Post(decimal amount) => Balance += amount;
}
