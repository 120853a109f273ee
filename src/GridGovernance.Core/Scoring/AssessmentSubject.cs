using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>A member on the assessment roster.</summary>
/// <param name="Member">The member.</param>
/// <param name="Kind">Their kind (for eligibility and kind multipliers).</param>
/// <param name="Branch">Their branch (for organisation aggregates and rankings by scope).</param>
[Immutable]
public readonly record struct AssessmentSubject(MemberId Member, MemberKind Kind, OrgUnitId Branch)
{
    /// <summary>
    /// A further multiplier for this member: a role factor (leader 1.4, management 1.2, ordinary 1.0) times a
    /// conduct factor (1, 0.5, 0). Default 1.
    /// </summary>
    public decimal Multiplier { get; init; } = 1m;
}
