using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// The publication (定期公示) of one period's results under one rule book, as far as the ledger must check it: a
/// window of working days in which objections (异议) may be raised, their resolutions, and finally the freeze after
/// which the period's results never change and its ledger is closed. The results themselves are a separate aggregate,
/// <see cref="PublishedResults"/>, with the same id.
/// </summary>
/// <remarks>
/// <para>
/// This aggregate is the period's guard. Every ledger write into a published period that is not frozen saves it again
/// (bumping its version), so that a freeze racing with the write makes one of the two fail on the version check. It is
/// kept small for that reason: every member's results would otherwise be rewritten by each such ledger write.
/// </para>
/// <para>
/// The window starts on the publication day and closes at the end of the N-th working day after it
/// (<see cref="WorkingDayCalendar.AddWorkingDays"/>), so weekends and the integrator's holidays do not count.
/// Objections may be raised only inside the window; they may be resolved later, but the period is frozen only after
/// the window has closed and no objection is open. An upheld objection is corrected in the ledger (a reversal or a new
/// entry, allowed while the period is not frozen) and the snapshot replaced with <see cref="PeriodPublicationService.ReviseAsync"/>.
/// </para>
/// <para>
/// Once frozen, nothing of the publication changes, and the ledger refuses every new, approved or reversed entry
/// whose occurrence date lies in the period; a late correction is recorded in an open period as an adjustment
/// (<see cref="PointsLedgerService.RecordAdjustmentAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, NodaTime.LocalDate, System.Threading.CancellationToken)"/>).
/// </para>
/// </remarks>
[Mutable]
public sealed class PeriodPublication : AggregateRoot<PeriodPublicationId>
{
    private PeriodPublication(PeriodPublicationId id, AssessmentPeriod period, LocalDate publishedOn, Instant publishedAt, LedgerActor publishedBy,
        int windowWorkingDays, LocalDate windowClosesOn)
        : base(id)
    {
        Period = period;
        PublishedOn = publishedOn;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
        WindowWorkingDays = windowWorkingDays;
        WindowClosesOn = windowClosesOn;
    }

    /// <summary>The period published.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>The first day of the period.</summary>
    public LocalDate PeriodStart => Period.Start;

    /// <summary>The last day of the period.</summary>
    public LocalDate PeriodEnd => Period.End;

    /// <summary>The day of publication (the window's first day).</summary>
    public LocalDate PublishedOn { get; }

    /// <summary>When it was published.</summary>
    public Instant PublishedAt { get; }

    /// <summary>Who published it.</summary>
    public LedgerActor PublishedBy { get; }

    /// <summary>The window's length in working days.</summary>
    public int WindowWorkingDays { get; }

    /// <summary>The last day objections may be raised: the <see cref="WindowWorkingDays"/>-th working day after <see cref="PublishedOn"/>.</summary>
    public LocalDate WindowClosesOn { get; }

    /// <summary>How many times the results (<see cref="PublishedResults"/>) were replaced after an upheld objection.</summary>
    public int Revision { get; private set; }

    /// <summary>Published or frozen.</summary>
    public PublicationStatus Status { get; private set; } = PublicationStatus.Published;

    /// <summary>The objections, in the order raised.</summary>
    public ImmutableArray<PublicationObjection> Objections { get; private set; } = [];

    /// <summary>The day it was frozen, or <c>null</c>.</summary>
    public LocalDate? FrozenOn { get; private set; }

    /// <summary>Who froze it, or <c>null</c>.</summary>
    public LedgerActor? FrozenBy { get; private set; }

    /// <summary>Whether the period is frozen.</summary>
    public bool IsFrozen => Status == PublicationStatus.Frozen;

    /// <summary>Whether an objection is still open.</summary>
    public bool HasOpenObjections => Objections.Any(o => o.IsOpen);

    /// <summary>Whether objections may be raised on <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    public bool IsWindowOpenOn(LocalDate date) => Status == PublicationStatus.Published && date >= PublishedOn && date <= WindowClosesOn;

    /// <summary>Whether the period contains <paramref name="date"/>.</summary>
    /// <param name="date">The day.</param>
    public bool Covers(LocalDate date) => Period.Contains(date);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Status}, window until {WindowClosesOn:yyyy-MM-dd})";

    /// <summary>Opens the publication of <paramref name="result"/>; the caller stores <see cref="PublishedResults.Of"/> beside it.</summary>
    internal static PeriodPublication Publish(AssessmentResult result, int windowWorkingDays, WorkingDayCalendar calendar, LocalDate publishedOn, Instant at, LedgerActor by)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(calendar);
        Preconditions.CheckArgumentRange(nameof(windowWorkingDays), windowWorkingDays, 1, 366);
        Preconditions.CheckState(publishedOn > result.Period.End, ErrorCodes.PublicationPeriodNotEnded,
            $"Period {result.Period.Label} runs until {result.Period.End:yyyy-MM-dd}; it can be published from the next day, not on {publishedOn:yyyy-MM-dd}.");
        var id = PeriodPublicationId.Of(result.RuleBook, result.Period);
        var publication = new PeriodPublication(id, result.Period, publishedOn, at, by, windowWorkingDays, calendar.AddWorkingDays(publishedOn, windowWorkingDays));
        publication.Raise(new PeriodPublicationPublished(id, publishedOn, publication.WindowClosesOn, result.Count));
        return publication;
    }

    /// <summary>Counts a replacement of the results by <paramref name="result"/>; the caller replaces <see cref="PublishedResults"/> with the returned revision.</summary>
    internal int Revise(AssessmentResult result, LedgerActor by)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckArgument(PeriodPublicationId.Of(result.RuleBook, result.Period) == Id, nameof(result),
            $"The result is of {PeriodPublicationId.Of(result.RuleBook, result.Period)}, not of {Id}.");
        Preconditions.CheckState(!IsFrozen, ErrorCodes.LedgerPeriodFrozen, $"{Id} was frozen on {FrozenOn:yyyy-MM-dd}; its published results never change.");
        Revision++;
        Raise(new PeriodPublicationRevised(Id, Revision, by));
        return Revision;
    }

    internal PublicationObjection RaiseObjection(LedgerActor by, MemberId? concerning, string text, LocalDate on)
    {
        Preconditions.CheckNotBlank(text);
        Preconditions.CheckState(IsWindowOpenOn(on), ErrorCodes.PublicationObjectionWindowClosed,
            IsFrozen
                ? $"{Id} is frozen; objections are no longer accepted."
                : $"The publication window of {Id} runs from {PublishedOn:yyyy-MM-dd} to {WindowClosesOn:yyyy-MM-dd}; an objection cannot be raised on {on:yyyy-MM-dd}.");
        var objection = new PublicationObjection(Objections.Length + 1, by, concerning, text.Trim(), on);
        Objections = Objections.Add(objection);
        Raise(new PeriodPublicationObjectionRaised(Id, objection.Number, by, concerning));
        return objection;
    }

    internal PublicationObjection ResolveObjection(int number, ObjectionStatus outcome, string note, LedgerActor by, LocalDate on)
    {
        Preconditions.CheckNotBlank(note);
        int index = number - 1;
        Preconditions.CheckState(index >= 0 && index < Objections.Length, ErrorCodes.PublicationUnknownObjection,
            $"{Id} has {Objections.Length} objection(s); there is no objection {number}.");
        var objection = Objections[index];
        PublicationWorkflow.ObjectionTable.Apply(objection.Status, outcome, $"Objection {number} of {Id}", Id, by.ToString());
        var resolved = objection with { Status = outcome, ResolvedBy = by, ResolvedOn = on, ResolutionNote = note.Trim() };
        Objections = Objections.SetItem(index, resolved);
        Raise(new PeriodPublicationObjectionResolved(Id, number, outcome, by));
        return resolved;
    }

    internal void Freeze(LedgerActor by, LocalDate on)
    {
        PublicationWorkflow.Table.Apply(Status, PublicationStatus.Frozen, $"{nameof(PeriodPublication)} {Id}", Id, by.ToString());
        Preconditions.CheckState(on > WindowClosesOn, ErrorCodes.PublicationWindowOpen,
            $"The publication window of {Id} is open until {WindowClosesOn:yyyy-MM-dd}; the period can be frozen from the next day, not on {on:yyyy-MM-dd}.");
        int open = Objections.Count(o => o.IsOpen);
        Preconditions.CheckState(open == 0, ErrorCodes.PublicationOpenObjections,
            $"{Id} has {open} open objection(s) ({string.Join(", ", Objections.Where(o => o.IsOpen).Select(o => o.Number))}); resolve them before freezing.");
        Status = PublicationStatus.Frozen;
        FrozenOn = on;
        FrozenBy = by;
        Raise(new PeriodPublicationFrozen(Id, on, by));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private PeriodPublication(Persistence.PeriodPublicationStoredForm form)
        : base(form.Id)
    {
        Period = form.Period.ToPeriod();
        PublishedOn = form.PublishedOn;
        PublishedAt = form.PublishedAt;
        PublishedBy = form.PublishedBy;
        WindowWorkingDays = form.WindowWorkingDays;
        WindowClosesOn = form.WindowClosesOn;
        Revision = form.Revision;
        Status = form.Status;
        Objections = form.Objections;
        FrozenOn = form.FrozenOn;
        FrozenBy = form.FrozenBy;
    }

    /// <summary>This PeriodPublication's stored form.</summary>
    internal Persistence.PeriodPublicationStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Period = Persistence.AssessmentPeriodStoredForm.From(Period),
        PublishedOn = PublishedOn,
        PublishedAt = PublishedAt,
        PublishedBy = PublishedBy,
        WindowWorkingDays = WindowWorkingDays,
        WindowClosesOn = WindowClosesOn,
        Revision = Revision,
        Status = Status,
        Objections = Objections,
        FrozenOn = FrozenOn,
        FrozenBy = FrozenBy,
    };

    /// <summary>Rebuilds a PeriodPublication from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static PeriodPublication FromStoredForm(Persistence.PeriodPublicationStoredForm form) => new(form);
}
