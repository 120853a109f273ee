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
    /// <summary>The stable code, <c>module.verb</c>.</summary>
    public string Code { get; } = Check(Code);

    /// <summary>The module: the part of <see cref="Code"/> before the first dot.</summary>
    public string Module => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The error code of a refusal: <c>{module}.forbidden</c>.</summary>
    public string ForbiddenCode => Module + ".forbidden";

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
