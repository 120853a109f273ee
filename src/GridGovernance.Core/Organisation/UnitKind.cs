namespace GridGovernance.Organisation;

/// <summary>
/// The kind of an organisation unit (组织层级). Kinds are configuration: a <see cref="HierarchySchema"/> says
/// which kinds exist and which may sit under which, so each city's chain can be expressed. The well-known
/// kinds below cover the chains in the case reports; a schema may add its own with <see cref="UnitKind(string)"/>.
/// </summary>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<UnitKind>))]
public readonly record struct UnitKind : IComparable<UnitKind>, IComparable, ISpanFormattable, ISpanParsable<UnitKind>
{
    /// <summary>Creates a kind from its code.</summary>
    /// <param name="code">A short stable code, e.g. <c>grid-branch</c>.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="code"/> is empty.</exception>
    public UnitKind(string code)
    {
        Code = Preconditions.CheckNotBlank(code);
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>区 / 区委 — a district and its party committee.</summary>
    public static UnitKind District { get; } = new("district");

    /// <summary>街道党工委 ("大工委") — a street (sub-district) working committee.</summary>
    public static UnitKind Street { get; } = new("street");

    /// <summary>镇党委 — a town (镇) and its party committee, at the street's level: communities (and villages) sit under it,
    /// and it blows the whistle like a street ("镇街吹哨、部门报到"). A town may become a street on a date (改镇设街).</summary>
    public static UnitKind Town { get; } = new("town");

    /// <summary>社区党委 ("大党委") / 社区党组织 — a community party committee or organisation.</summary>
    public static UnitKind Community { get; } = new("community");

    /// <summary>网格党支部 — a grid party branch, one per grid.</summary>
    public static UnitKind GridBranch { get; } = new("grid-branch");

    /// <summary>党支部 — a party branch that is not tied to a grid (Shantou's 社区党组织—党支部 chain).</summary>
    public static UnitKind Branch { get; } = new("branch");

    /// <summary>党小组 — a party group: a building group (楼宇党小组) or a merchant group (商户党小组).</summary>
    public static UnitKind PartyGroup { get; } = new("party-group");

    /// <summary>区域党委 — a regional committee spanning several communities, with a rotating chair (轮值主席).</summary>
    public static UnitKind RegionalCommittee { get; } = new("regional-committee");

    /// <summary>行业党委 — an industry committee.</summary>
    public static UnitKind IndustryCommittee { get; } = new("industry-committee");

    /// <summary>功能型党支部 — a functional branch (e.g. for a project or a service team).</summary>
    public static UnitKind FunctionalBranch { get; } = new("functional-branch");

    /// <summary>临时党组织 — a temporary party organisation.</summary>
    public static UnitKind TemporaryBranch { get; } = new("temporary-branch");

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The other value.</param>
    public int CompareTo(UnitKind other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        UnitKind other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a UnitKind with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <inheritdoc />
    public override string ToString() => Code ?? "";

    /// <summary>The code; <paramref name="format"/> and <paramref name="formatProvider"/> are ignored (a code has one form).</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes the code.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the code fitted.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        => CodeText.TryFormat(ToString(), destination, out charsWritten);

    /// <summary>Reads a unit kind from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The UnitKind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a code.</exception>
    public static UnitKind Parse(string s, IFormatProvider? provider) => CodeText.Parse<UnitKind>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static UnitKind Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<UnitKind>(s, "a code is not blank");

    /// <summary>Tries to read a unit kind from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The UnitKind, or <c>default</c>.</param>
    /// <returns>Whether the text was a code.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out UnitKind result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out UnitKind)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UnitKind result)
    {
        if (s.IsWhiteSpace())
        {
            result = default;
            return false;
        }
        result = new(s.ToString());
        return true;
    }
}
