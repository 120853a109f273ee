using System.Collections.Immutable;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The results a publication (定期公示) shows: every member's totals for the period, as they were published. Written
/// when the period is published and replaced only by a revision after an upheld objection; a ledger write into the
/// period never saves it (that write saves the small <see cref="PeriodPublication"/> guard, which has the same id).
/// </summary>
[Mutable]
public sealed class PublishedResults : AggregateRoot<PeriodPublicationId>
{
    // Every published score in ascending order, made on first use and never stored: a statement ranks its member by
    // two binary searches instead of reading every member's line.
    [NonSerialized]
    private ImmutableArray<long> sortedScores;

    private PublishedResults(PeriodPublicationId id, AssessmentPeriod period)
        : base(id)
    {
        Period = period;
    }

    /// <summary>The period published.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>The revision of the publication these results are (0 for the results first published; see <see cref="PeriodPublication.Revision"/>).</summary>
    public int Revision { get; private set; }

    /// <summary>The version of the rule book the results were computed with.</summary>
    public int RuleBookVersion { get; private set; }

    /// <summary>The category codes, in the order of each line's <see cref="PublishedMemberResult.CategoryTotals"/>.</summary>
    public ImmutableArray<string> CategoryCodes { get; private set; } = [];

    /// <summary>The item codes, in the order of each line's <see cref="PublishedMemberResult.ItemCounts"/>; empty for results published before lines kept their counts.</summary>
    public ImmutableArray<string> ItemCodes { get; private set; } = [];

    /// <summary>The published lines, one per member of the assessment's roster, in member id order.</summary>
    public ImmutableArray<PublishedMemberResult> Results { get; private set; } = [];

    /// <summary>A member's published line.</summary>
    /// <param name="member">The member.</param>
    /// <returns>The line, or <c>null</c> when the member was not on the roster.</returns>
    public PublishedMemberResult? ResultOf(MemberId member) => Results.FirstOrDefault(r => r.Member == member);

    /// <summary>
    /// The published ranking board (排名晾晒) of this snapshot for the public: highest score first, competition ranks
    /// (members with equal scores share a rank; the next rank skips), ties in member-id order, every name masked by
    /// <see cref="PersonalDataMasking.MaskName"/> (张三明 → 张*明). Member ids are left out, as in
    /// <see cref="Rankings.Ranking.ToPublic"/>.
    /// </summary>
    /// <param name="nameOf">Gives a member's name.</param>
    /// <returns>One row per published member.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nameOf"/> is null or returns null.</exception>
    public ImmutableArray<Rankings.PublicRankingRow> ToPublic(Func<MemberId, string> nameOf)
    {
        Preconditions.CheckNotNull(nameOf);
        var ordered = Results.OrderByDescending(r => r.Score).ThenBy(r => r.Member).ToArray();
        var rows = new Rankings.PublicRankingRow[ordered.Length];
        for (int i = 0; i < ordered.Length; i++)
        {
            int rank = i > 0 && ordered[i].Score == ordered[i - 1].Score ? rows[i - 1].Rank : i + 1;
            rows[i] = new Rankings.PublicRankingRow(rank, PersonalDataMasking.MaskName(nameOf(ordered[i].Member)), ordered[i].Score);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(rows);
    }

    /// <summary>The published scores in ascending order (ten-thousandths), sorted once per loaded publication.</summary>
    internal ImmutableArray<long> SortedScores()
    {
        var sorted = sortedScores;
        if (sorted.IsDefault)
        {
            // A race sorts twice; either array is right.
            sortedScores = sorted = SortScores(Results);
        }
        return sorted;
    }

    /// <summary>The scores of <paramref name="results"/> in ascending order.</summary>
    internal static ImmutableArray<long> SortScores(ImmutableArray<PublishedMemberResult> results)
    {
        var sorted = new long[results.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            sorted[i] = results[i].Score.Units;
        }
        Array.Sort(sorted);
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(sorted);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} results (revision {Revision}, {Results.Length} members)";

    /// <summary>The first results of a publication.</summary>
    internal static PublishedResults Of(AssessmentResult result)
    {
        Preconditions.CheckNotNull(result);
        var published = new PublishedResults(PeriodPublicationId.Of(result.RuleBook, result.Period), result.Period);
        published.Take(result, revision: 0);
        return published;
    }

    /// <summary>Replaces the results with a revision's; <see cref="PeriodPublication.Revise"/> checked that the period may still change.</summary>
    internal void Replace(AssessmentResult result, int revision)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckArgument(PeriodPublicationId.Of(result.RuleBook, result.Period) == Id, nameof(result),
            $"The result is of {PeriodPublicationId.Of(result.RuleBook, result.Period)}, not of {Id}.");
        Take(result, revision);
    }

    private void Take(AssessmentResult result, int revision)
    {
        Revision = revision;
        RuleBookVersion = result.RuleBook.Version;
        CategoryCodes = [.. result.RuleBook.Categories.Select(c => c.Code)];
        ItemCodes = [.. result.RuleBook.Items.Select(i => i.Code)];
        Results = [.. result.Members.Select(PublishedMemberResult.From)];
        sortedScores = default;
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private PublishedResults(Persistence.PublishedResultsStoredForm form)
        : base(form.Id)
    {
        Period = form.Period.ToPeriod();
        Revision = form.Revision;
        RuleBookVersion = form.RuleBookVersion;
        CategoryCodes = form.CategoryCodes;
        ItemCodes = form.ItemCodes;
        Results = form.Results;
    }

    /// <summary>This PublishedResults's stored form.</summary>
    internal Persistence.PublishedResultsStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Period = Persistence.AssessmentPeriodStoredForm.From(Period),
        Revision = Revision,
        RuleBookVersion = RuleBookVersion,
        CategoryCodes = CategoryCodes,
        ItemCodes = ItemCodes,
        Results = Results,
    };

    /// <summary>Rebuilds a PublishedResults from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static PublishedResults FromStoredForm(Persistence.PublishedResultsStoredForm form) => new(form);
}
