using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// The published organisation points (组织积分公示) of one period under one unit rule book: every unit's line as assessed
/// when it was published (Yibin: a quarter of its organs). Rankings and stars are read from it
/// (<see cref="UnitPointsService.RankAsync"/>, <see cref="UnitPointsService.StarsAsync"/>), so what was published is what
/// is ranked, however the ledger changes afterwards. Its id is the rule book's id and the period's label.
/// </summary>
/// <remarks>
/// A period is published once per rule book and never changes; the unit ledger refuses every new or approved entry dated
/// in a published period (<see cref="ErrorCodes.LedgerPeriodFrozen"/>).
/// </remarks>
[Mutable]
public sealed class UnitPublication : AggregateRoot<PeriodPublicationId>
{
    private UnitPublication(PeriodPublicationId id, UnitAssessmentResult result, LocalDate publishedOn, Instant publishedAt, LedgerActor publishedBy)
        : base(id)
    {
        RuleBookVersion = result.RuleBook.Version;
        Period = result.Period;
        Lines = result.Units;
        SkippedEntries = result.SkippedEntries;
        PublishedOn = publishedOn;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    /// <summary>The unit rule book's id.</summary>
    public string RuleBookId => Id.RuleBookId;

    /// <summary>The version of the rule book the points were assessed under.</summary>
    public int RuleBookVersion { get; private set; }

    /// <summary>The period published.</summary>
    public AssessmentPeriod Period { get; private set; }

    /// <summary>The first day of the period.</summary>
    public LocalDate PeriodStart => Period.Start;

    /// <summary>The last day of the period.</summary>
    public LocalDate PeriodEnd => Period.End;

    /// <summary>Every unit's line, in unit id order.</summary>
    public ImmutableArray<UnitAssessment> Lines { get; private set; }

    /// <summary>Approved entries of the period that named a unit not assessed.</summary>
    public int SkippedEntries { get; private set; }

    /// <summary>The day of publication.</summary>
    public LocalDate PublishedOn { get; private set; }

    /// <summary>When it was published.</summary>
    public Instant PublishedAt { get; private set; }

    /// <summary>Who published it.</summary>
    public LedgerActor PublishedBy { get; private set; }

    /// <summary>A unit's line.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="EntityNotFoundException">The unit was not assessed in this publication.</exception>
    public UnitAssessment LineOf(OrgUnitId unit) =>
        Lines.FirstOrDefault(l => l.Unit == unit) ?? throw new EntityNotFoundException(nameof(UnitAssessment), unit);

    /// <summary>Whether publishing <paramref name="result"/> again would publish exactly this (same version, same lines).</summary>
    /// <param name="result">A result of the same period and rule book.</param>
    public bool Publishes(UnitAssessmentResult result)
    {
        Preconditions.CheckNotNull(result);
        if (result.RuleBook.Version != RuleBookVersion || result.Units.Length != Lines.Length)
        {
            return false;
        }
        // Line by line and figure by figure: a line read back from a store compares by its figures, whatever the
        // store made of its arrays.
        for (int i = 0; i < Lines.Length; i++)
        {
            UnitAssessment a = result.Units[i], b = Lines[i];
            if (a.Unit != b.Unit || a.Total != b.Total || a.Vetoed != b.Vetoed
                || !a.CategoryTotals.SequenceEqual(b.CategoryTotals) || !a.ItemCounts.SequenceEqual(b.ItemCounts))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id}: {Lines.Length} units, published {PublishedOn:yyyy-MM-dd}";

    internal static UnitPublication Publish(UnitAssessmentResult result, LocalDate publishedOn, Instant publishedAt, LedgerActor publishedBy)
    {
        var id = PeriodPublicationId.Of(result.RuleBook, result.Period);
        var publication = new UnitPublication(id, result, publishedOn, publishedAt, publishedBy);
        publication.Raise(new UnitPublicationPublished(id, publication.Lines.Length, publishedOn, publishedBy));
        return publication;
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private UnitPublication(Persistence.UnitPublicationStoredForm form)
        : base(form.Id)
    {
        RuleBookVersion = form.RuleBookVersion;
        Period = form.Period.ToPeriod();
        Lines = form.Lines;
        SkippedEntries = form.SkippedEntries;
        PublishedOn = form.PublishedOn;
        PublishedAt = form.PublishedAt;
        PublishedBy = form.PublishedBy;
    }

    /// <summary>This publication's stored form.</summary>
    internal Persistence.UnitPublicationStoredForm ToStoredForm() => new()
    {
        Id = Id,
        RuleBookVersion = RuleBookVersion,
        Period = Persistence.AssessmentPeriodStoredForm.From(Period),
        Lines = Lines,
        SkippedEntries = SkippedEntries,
        PublishedOn = PublishedOn,
        PublishedAt = PublishedAt,
        PublishedBy = PublishedBy,
    };

    /// <summary>Rebuilds a publication from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static UnitPublication FromStoredForm(Persistence.UnitPublicationStoredForm form) => new(form);
}
