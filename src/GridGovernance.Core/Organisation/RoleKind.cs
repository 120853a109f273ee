namespace GridGovernance.Organisation;

/// <summary>
/// A role a member holds on a unit for a time (岗位). Well-known roles from the case reports are provided;
/// integrators may define their own with <see cref="RoleKind(string)"/>.
/// </summary>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(TextJsonConverter<RoleKind>))]
public readonly record struct RoleKind : IComparable<RoleKind>, IComparable, ISpanFormattable, ISpanParsable<RoleKind>
{
    /// <summary>Creates a role from its code.</summary>
    /// <param name="code">A short stable code.</param>
    public RoleKind(string code)
    {
        Code = Canonical(Preconditions.CheckNotBlank(code));
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>书记 — the secretary of a unit's party organisation.</summary>
    public static RoleKind Secretary { get; } = new("secretary");

    /// <summary>网格长 — the grid head.</summary>
    public static RoleKind GridHead { get; } = new("grid-head");

    /// <summary>网格员 — a grid worker (full- or part-time).</summary>
    public static RoleKind GridWorker { get; } = new("grid-worker");

    /// <summary>兼职委员 — a part-time committee member (3–5 per community committee).</summary>
    public static RoleKind PartTimeCommitteeMember { get; } = new("part-time-committee-member");

    /// <summary>联络员 — a liaison.</summary>
    public static RoleKind Liaison { get; } = new("liaison");

    /// <summary>党小组长 — a party group leader.</summary>
    public static RoleKind GroupLeader { get; } = new("group-leader");

    /// <summary>楼栋长 — a building head.</summary>
    public static RoleKind BuildingHead { get; } = new("building-head");

    /// <summary>吹哨人 / 哨兵 — a sentinel who blows the whistle on problems.</summary>
    public static RoleKind Sentinel { get; } = new("sentinel");

    /// <summary>党员中心户 — a central-household member who looks after nearby households.</summary>
    public static RoleKind CentralHousehold { get; } = new("central-household");

    /// <summary>委员 — a member of a unit's party committee (支委/党委委员), who reviews with the secretary.</summary>
    public static RoleKind CommitteeMember { get; } = new("committee-member");

    /// <summary>
    /// 轮值主席 — the rotating chair of a regional committee (区域党委). Held through the unit's chair terms
    /// (<see cref="OrgUnit.ChairTerms"/>), not assigned as a role.
    /// </summary>
    public static RoleKind RotatingChair { get; } = new("rotating-chair");

    /// <summary>积分超市管理员 — the cashier who serves redemptions (积分兑换) at a points supermarket.</summary>
    public static RoleKind Cashier { get; } = new("cashier");

    // A well-known code read from a store or a configuration file becomes the one string of the well-known role, so that
    // deciding authority finds a role in a rule's row by reference (see AuthorityRules.Contains). Equality is still by
    // the characters.
    private static string Canonical(string code) => code switch
    {
        "secretary" => "secretary",
        "grid-head" => "grid-head",
        "grid-worker" => "grid-worker",
        "part-time-committee-member" => "part-time-committee-member",
        "liaison" => "liaison",
        "group-leader" => "group-leader",
        "building-head" => "building-head",
        "sentinel" => "sentinel",
        "central-household" => "central-household",
        "committee-member" => "committee-member",
        "rotating-chair" => "rotating-chair",
        "cashier" => "cashier",
        _ => code,
    };

    /// <summary>Compares by code, ordinally.</summary>
    /// <param name="other">The other value.</param>
    public int CompareTo(RoleKind other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        RoleKind other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a RoleKind with a {obj.GetType().Name}.", nameof(obj)),
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

    /// <summary>Reads a role from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The RoleKind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a code.</exception>
    public static RoleKind Parse(string s, IFormatProvider? provider) => CodeText.Parse<RoleKind>(s, provider);

    /// <inheritdoc cref="Parse(string, IFormatProvider)"/>
    public static RoleKind Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value) ? value : throw CodeText.NotACode<RoleKind>(s, "a code is not blank");

    /// <summary>Tries to read a role from its code.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The RoleKind, or <c>default</c>.</param>
    /// <returns>Whether the text was a code.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out RoleKind result) =>
        CodeText.TryParse(s, provider, out result);

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out RoleKind)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RoleKind result)
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
