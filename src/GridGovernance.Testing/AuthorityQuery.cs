using GridGovernance.Authority;

namespace GridGovernance.Testing;

/// <summary>One authority question: may <paramref name="Actor"/> use <paramref name="Capability"/> on <paramref name="Subject"/>?</summary>
/// <param name="Actor">Who acts.</param>
/// <param name="Capability">What they do.</param>
/// <param name="Subject">What they act on.</param>
public sealed record AuthorityQuery(Actor Actor, Capability Capability, AuthoritySubject Subject)
{
    /// <inheritdoc />
    public override string ToString() => $"{Actor} → {Capability} on {Subject.Label}";
}
