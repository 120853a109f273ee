using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="PublishedResults"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.PublishedResults"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record PublishedResultsStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required PeriodPublicationId Id { get; init; }

    /// <summary>The period published.</summary>
    public required AssessmentPeriodStoredForm Period { get; init; }

    /// <summary>The revision of the publication these results are (0 for the results first published; see <c>PeriodPublication.Revision</c>).</summary>
    public required int Revision { get; init; }

    /// <summary>The version of the rule book the results were computed with.</summary>
    public required int RuleBookVersion { get; init; }

    /// <summary>The category codes, in the order of each line's <c>PublishedMemberResult.CategoryTotals</c>.</summary>
    public required ImmutableArray<string> CategoryCodes { get; init; }

    /// <summary>The item codes, in the order of each line's <c>PublishedMemberResult.ItemCounts</c>; empty for results published before lines kept their counts.</summary>
    public required ImmutableArray<string> ItemCodes { get; init; }

    /// <summary>The published lines, one per member of the assessment's roster, in member id order.</summary>
    public required ImmutableArray<PublishedMemberResult> Results { get; init; }
}
