namespace GridGovernance.Scoring.WhatIf;

/// <summary>How many members hold a given number of stars before and after a rule-book revision (星级分布).</summary>
/// <param name="Stars">The star total (<c>MemberStars.Total</c>).</param>
/// <param name="MembersBefore">Members with that many stars under the current rule book.</param>
/// <param name="MembersAfter">Members with that many stars under the proposed rule book.</param>
[Immutable]
public readonly record struct StarCountShift(int Stars, int MembersBefore, int MembersAfter)
{
    /// <summary><see cref="MembersAfter"/> − <see cref="MembersBefore"/>.</summary>
    public int Shift => MembersAfter - MembersBefore;
}
