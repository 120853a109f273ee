namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Who did something to the ledger or a publication: a party member (<c>member:17</c>) or a system that records on
/// its own (<c>system:work-orders</c>). Kept as one string so that people and automatic sources (work orders, claims,
/// contact visits, the year-end grant job) stand in the same audit column.
/// </summary>
/// <remarks>
/// Commands take an <see cref="Authority.Actor"/>; what the ledger stores is its <see cref="Authority.Actor.AuditName"/>
/// (<see cref="Of"/>). As text and in JSON an actor is its stored form, a JSON string (<c>"member:17"</c>).
/// </remarks>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<LedgerActor>))]
public readonly record struct LedgerActor : ISpanFormattable, ISpanParsable<LedgerActor>
{
    private const string SystemPrefix = "system:";

    /// <summary>Creates an actor from its stored form, e.g. <c>member:17</c> or <c>system:work-orders</c>.</summary>
    /// <param name="value">Up to 200 characters, not blank.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="value"/> is blank or longer than 200 characters.</exception>
    public LedgerActor(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= 200, nameof(value), $"value must be at most 200 characters; it has {value.Length}.");
        Value = value;
    }

    /// <summary>The stored form.</summary>
    public string Value { get; }

    /// <summary>The stored form of the actor of a command: its <see cref="Authority.Actor.AuditName"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <exception cref="GridGovernanceValidationException">The audit name is longer than 200 characters.</exception>
    public static LedgerActor Of(Authority.Actor actor) => new(Preconditions.CheckNotNull(actor).AuditName);

    /// <summary>A party member acting in person.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>).</exception>
    public static LedgerActor ForMember(MemberId member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new LedgerActor(ActorNames.ForMember(member));
    }

    /// <summary>A system recording on its own, e.g. <c>work-orders</c> or <c>annual-grant</c>.</summary>
    /// <param name="name">The system's name.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="name"/> is blank.</exception>
    public static LedgerActor ForSystem(string name) => new(SystemPrefix + Preconditions.CheckNotBlank(name).Trim());

    /// <summary>Whether the actor is a member.</summary>
    public bool IsMember => TryGetMember(out _);

    /// <summary>The member behind the actor, when it is one.</summary>
    /// <param name="member">The member.</param>
    /// <returns><c>true</c> when the actor is a member.</returns>
    public bool TryGetMember(out MemberId member) => ActorNames.TryGetMember(Value, out member);

    /// <inheritdoc />
    public override string ToString() => Value ?? "(no actor)";

    /// <summary>The stored form, as <see cref="ToString()"/> writes it.</summary>
    /// <param name="format">Ignored: an actor has one text form.</param>
    /// <param name="formatProvider">Ignored.</param>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Copies the stored form into <paramref name="destination"/> if it fits.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        CodeText.TryFormat(ToString(), destination, out charsWritten);

    /// <summary>Reads an actor from its stored form (not blank, at most 200 characters).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is blank or longer than 200 characters.</exception>
    public static LedgerActor Parse(string s, IFormatProvider? provider) => CodeText.Parse<LedgerActor>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static LedgerActor Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<LedgerActor>(s, "an actor is not blank and at most 200 characters");

    /// <summary>Tries to read an actor from its stored form.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The actor, or <c>default</c>.</param>
    /// <returns>Whether the text is not blank and at most 200 characters.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out LedgerActor result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out LedgerActor)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out LedgerActor result)
    {
        if (s.IsWhiteSpace() || s.Length > 200)
        {
            result = default;
            return false;
        }
        result = new LedgerActor(s.ToString());
        return true;
    }
}
