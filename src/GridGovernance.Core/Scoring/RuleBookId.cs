namespace GridGovernance.Scoring;

/// <summary>
/// Identifies a rule book (积分细则) in the catalogue: its stable id, e.g. <c>laiwu-2024</c> (<see cref="RuleBook.Id"/>).
/// Every version of the book shares it; a publication (<see cref="Ledger.PeriodPublicationId"/>) and every ledger entry
/// name the book by it.
/// </summary>
[Immutable]
public readonly record struct RuleBookId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">The rule book's id: not blank, at most <see cref="InputPolicy.MaxKeyLength"/> characters.</param>
    /// <exception cref="ArgumentException">The value is blank or too long.</exception>
    public RuleBookId(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= InputPolicy.MaxKeyLength, nameof(value),
            $"A rule book id has at most {InputPolicy.MaxKeyLength} characters; this one has {value.Length}.");
        Value = value;
    }

    /// <summary>The rule book's id, as <see cref="RuleBook.Id"/> holds it.</summary>
    public string Value { get; }

    /// <summary>Whether this is a real id rather than <c>default</c>.</summary>
    public bool IsSpecified => Value is not null;

    /// <summary>The id of a rule book.</summary>
    /// <param name="ruleBook">The rule book.</param>
    public static RuleBookId Of(RuleBook ruleBook) => new(Preconditions.CheckNotNull(ruleBook).Id);

    /// <inheritdoc />
    public override string ToString() => $"rulebook:{Value}";
}
