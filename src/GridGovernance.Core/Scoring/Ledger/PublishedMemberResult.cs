using System.Collections.Immutable;

namespace GridGovernance.Scoring.Ledger;

/// <summary>One member's line of a published period (公示): their totals as they were published.</summary>
/// <param name="Member">The member.</param>
/// <param name="Branch">Their branch at the time of the assessment.</param>
/// <param name="CategoryTotals">Each category's total, in the order of <see cref="PublishedResults.CategoryCodes"/>.</param>
/// <param name="Total">The sum of the category totals.</param>
/// <param name="Score">The total after multipliers.</param>
/// <param name="Vetoed">Whether a veto item (否决) occurred.</param>
[Immutable]
public sealed record PublishedMemberResult(MemberId Member, OrgUnitId Branch, ImmutableArray<Points> CategoryTotals, Points Total, Points Score, bool Vetoed)
{
    /// <summary>Takes a member's line from an assessment result.</summary>
    /// <param name="assessment">The member's result.</param>
    public static PublishedMemberResult From(MemberAssessment assessment)
    {
        Preconditions.CheckNotNull(assessment);
        return new(assessment.Member, assessment.Subject.Branch, assessment.CategoryTotals, assessment.Total, assessment.Score, assessment.Vetoed);
    }

    /// <summary>Value equality, category totals compared item by item.</summary>
    /// <param name="other">The other line.</param>
    public bool Equals(PublishedMemberResult? other) =>
        other is not null && Member == other.Member && Branch == other.Branch && Total == other.Total && Score == other.Score
        && Vetoed == other.Vetoed && CategoryTotals.AsSpan().SequenceEqual(other.CategoryTotals.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Member, Total, Score, Vetoed);
}
