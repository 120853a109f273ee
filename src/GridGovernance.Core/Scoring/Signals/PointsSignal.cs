namespace GridGovernance.Scoring.Signals;

/// <summary>
/// One gaming signal (防刷分): a pattern seen on a member, a reviewer, a pair of reviewers or a branch, with a score and
/// a plain explanation. A reason to look, never a verdict.
/// </summary>
/// <param name="Pattern">The pattern.</param>
/// <param name="Member">The member (for a member's pattern) or the reviewer (for a reviewer's), or <c>null</c> for a branch.</param>
/// <param name="Counterpart">For reciprocal approvals: the other reviewer of the pair; otherwise <c>null</c>.</param>
/// <param name="Branch">The branch: the member's or reviewer's on the roster, or the branch the signal is about.</param>
/// <param name="Score">How strong the signal is; higher is stronger. Its meaning depends on the pattern (see <see cref="PointsSignals"/>).</param>
/// <param name="Observed">What was counted (items near the cap, entries in the closing window, own-branch approvals, approvals each way, duplicated entries).</param>
/// <param name="OutOf">What it was counted out of (capped items used, entries, own-branch reviews, approvals of the pair, entries with evidence).</param>
/// <param name="Explanation">The reason in Chinese and English, with the figures.</param>
[Immutable]
public sealed record PointsSignal(SignalPattern Pattern, MemberId? Member, MemberId? Counterpart, OrgUnitId Branch, double Score, int Observed, int OutOf, string Explanation)
{
    /// <inheritdoc />
    public override string ToString() => Explanation;
}
