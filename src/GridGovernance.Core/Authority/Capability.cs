namespace GridGovernance.Authority;

/// <summary>
/// Something a command does that needs authority, e.g. <c>points.review</c> (审核 a declaration). The part before
/// the first dot is the module; a refusal carries the module's code <see cref="ForbiddenCode"/>
/// (<c>points.forbidden</c>). The well-known capabilities are in <see cref="Capabilities"/>; the table of who may
/// use each is <see cref="AuthorityTable"/>.
/// </summary>
/// <param name="Code">The stable code, <c>module.verb</c>.</param>
[Immutable]
public readonly record struct Capability(string Code)
{
    // 1 + the position of a well-known capability (Capabilities), 0 for any other: the authority table finds a
    // well-known capability's rule by position rather than by hashing its code. Not part of equality.
    private readonly int slot;

    /// <summary>A well-known capability of <see cref="Capabilities"/>, in slot <paramref name="slot"/> (from 1).</summary>
    internal Capability(string code, int slot)
        : this(code)
    {
        this.slot = slot;
    }

    /// <summary>The stable code, <c>module.verb</c>.</summary>
    public string Code { get; } = Check(Code);

    /// <summary>1 + the position of a well-known capability of <see cref="Capabilities"/>; 0 for any other.</summary>
    internal int Slot => slot;

    /// <summary>The module: the part of <see cref="Code"/> before the first dot.</summary>
    public string Module => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The error code of a refusal: <c>{module}.forbidden</c>.</summary>
    public string ForbiddenCode => Module + ".forbidden";

    /// <summary>Whether two capabilities have the same code.</summary>
    /// <param name="other">The other capability.</param>
    public bool Equals(Capability other) =>
        slot != 0 && other.slot != 0 ? slot == other.slot : string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Code is null ? 0 : StringComparer.Ordinal.GetHashCode(Code);

    /// <inheritdoc />
    public override string ToString() => Code ?? "";

    private static string Check(string code)
    {
        Preconditions.CheckNotBlank(code, nameof(Code));
        int dot = code.IndexOf('.', StringComparison.Ordinal);
        Preconditions.CheckArgument(dot > 0 && dot < code.Length - 1, nameof(Code), $"Code must read 'module.verb'; '{code}' does not.");
        foreach (char c in code)
        {
            Preconditions.CheckArgument(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-', nameof(Code), $"Code must use lower-case letters, digits, '.' and '-' only; '{code}' does not.");
        }
        return code;
    }
}
