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
        var subject = assessment.Subject;
        return new(assessment.Member, subject.Branch, assessment.CategoryTotals, assessment.Total, assessment.Score, assessment.Vetoed)
        {
            Kind = subject.Kind,
            Multiplier = subject.Multiplier,
            ItemCounts = assessment.ItemCounts,
        };
    }

    /// <summary>The member's kind on the assessment roster, or <c>null</c> for a line published before lines kept it.</summary>
    public Organisation.MemberKind? Kind { get; init; }

    /// <summary>The member's own multiplier on the assessment roster (<see cref="AssessmentSubject.Multiplier"/>), or <c>null</c> for a line published before lines kept it.</summary>
    public decimal? Multiplier { get; init; }

    /// <summary>
    /// The counted occurrences of each item, in the order of <see cref="PublishedResults.ItemCodes"/> (what named stars, event
    /// stars and negative lists read); empty for a line published before lines kept them.
    /// </summary>
    public ImmutableArray<int> ItemCounts { get; init; } = [];

    /// <summary>The member as they were on the assessment roster, or <c>null</c> for a line published before lines kept kind and multiplier.</summary>
    public AssessmentSubject? Subject => Kind is { } kind && Multiplier is { } multiplier
        ? new AssessmentSubject(Member, kind, Branch) { Multiplier = multiplier }
        : null;

    /// <summary>Value equality, category totals and item counts compared item by item.</summary>
    /// <param name="other">The other line.</param>
    public bool Equals(PublishedMemberResult? other) =>
        other is not null && Member == other.Member && Branch == other.Branch && Total == other.Total && Score == other.Score
        && Vetoed == other.Vetoed && Kind == other.Kind && Multiplier == other.Multiplier
        && CategoryTotals.AsSpan().SequenceEqual(other.CategoryTotals.AsSpan())
        && ItemCounts.AsSpan().SequenceEqual(other.ItemCounts.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Member, Total, Score, Vetoed);
}
