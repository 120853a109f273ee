namespace GridGovernance.Organisation;

/// <summary>A term of a rotating chair (轮值主席, six months in Yibin).</summary>
/// <param name="Chair">The member chairing.</param>
/// <param name="ChairUnit">The member unit whose turn it is.</param>
/// <param name="Term">The term.</param>
[Immutable]
public sealed record ChairTerm(MemberId Chair, OrgUnitId ChairUnit, Validity Term);
