using GridGovernance.Organisation;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Who reviews a declaration (审核): a member acting for a unit, e.g. the secretary of a regional committee
/// (区域党委). Only a unit whose jurisdiction covers the declaring member's branch on the review date may review
/// (<see cref="HierarchyIndex.IsWithinJurisdiction"/>).
/// </summary>
/// <param name="Member">The reviewing member.</param>
/// <param name="Unit">The unit they review for.</param>
[Immutable]
public readonly record struct LedgerReviewer(MemberId Member, OrgUnitId Unit)
{
    /// <summary>The reviewer as a <see cref="LedgerActor"/>.</summary>
    public LedgerActor Actor => LedgerActor.ForMember(Member);

    /// <inheritdoc />
    public override string ToString() => $"{Member} for {Unit}";
}
