namespace GridGovernance.WorkOrders;

/// <summary>
/// Who did something to a work order, as one audit column: <c>member:17</c> (a cadre or member), <c>resident:…</c>
/// (the resident who filed it, under the integrator's own key), <c>department:…</c> (a summoned department) or
/// <c>system:…</c> (an automatic step such as a reminder or an escalation).
/// </summary>
/// <remarks>As text and in JSON an actor is its stored form, a JSON string (<c>"member:17"</c>).</remarks>
/// <param name="Value">The actor's text, at most 200 characters.</param>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<WorkOrderActor>))]
public readonly record struct WorkOrderActor(string Value) : ISpanFormattable, ISpanParsable<WorkOrderActor>
{

    /// <summary>The text of the actor, validated: not blank, at most 200 characters.</summary>
    public string Value { get; } = Check(Value);

    /// <summary>A member or cadre.</summary>
    /// <param name="member">The member.</param>
    public static WorkOrderActor ForMember(MemberId member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new(ActorNames.ForMember(member));
    }

    /// <summary>A resident, under the integrator's key (an account id, a hotline caller id; never shown on the board).</summary>
    /// <param name="key">The key.</param>
    public static WorkOrderActor ForResident(string key) => new("resident:" + Preconditions.CheckNotBlank(key).Trim());

    /// <summary>A summoned department, e.g. <c>market-regulation</c> (市场监管).</summary>
    /// <param name="department">The department's code.</param>
    public static WorkOrderActor ForDepartment(string department) => new("department:" + Preconditions.CheckNotBlank(department).Trim());

    /// <summary>An automatic step, e.g. <c>system:overdue-scan</c>.</summary>
    /// <param name="name">The name of the process.</param>
    public static WorkOrderActor ForSystem(string name) => new("system:" + Preconditions.CheckNotBlank(name).Trim());

    /// <summary>The member behind a <c>member:</c> actor.</summary>
    /// <param name="member">The member, or <c>default</c>.</param>
    /// <returns>Whether the actor is a member.</returns>
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
    public static WorkOrderActor Parse(string s, IFormatProvider? provider) => CodeText.Parse<WorkOrderActor>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static WorkOrderActor Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<WorkOrderActor>(s, "an actor is not blank and at most 200 characters");

    /// <summary>Tries to read an actor from its stored form.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The actor, or <c>default</c>.</param>
    /// <returns>Whether the text is not blank and at most 200 characters.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out WorkOrderActor result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out WorkOrderActor)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out WorkOrderActor result)
    {
        if (s.IsWhiteSpace() || s.Length > 200)
        {
            result = default;
            return false;
        }
        result = new WorkOrderActor(s.ToString());
        return true;
    }

    /// <summary>
    /// The actor as messages name it: a resident's key and an officer's identifier are personal data (a key may be a
    /// caller's phone number), so a resident is <c>a resident</c> and an officer is their department.
    /// </summary>
    internal string ForMessages => Value switch
    {
        null => "(no actor)",
        _ when Value.StartsWith("resident:", StringComparison.Ordinal) => "a resident",
        _ when Value.StartsWith("department:", StringComparison.Ordinal) => Value.Split('/')[0],
        _ => Value,
    };

    private static string Check(string value)
    {
        Preconditions.CheckNotBlank(value, nameof(Value));
        if (value.Length > 200)
        {
            throw Preconditions.InvalidArgument($"Value must be at most 200 characters; it has {value.Length}.", nameof(Value));
        }
        return value;
    }
}
