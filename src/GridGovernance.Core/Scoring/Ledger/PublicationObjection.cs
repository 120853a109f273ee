using NodaTime;

namespace GridGovernance.Scoring.Ledger;

/// <summary>An objection (异议) to a published period, raised inside the publication window.</summary>
/// <param name="Number">Its number within the publication, from 1.</param>
/// <param name="RaisedBy">Who raised it.</param>
/// <param name="Concerning">The member whose result it disputes, or <c>null</c> for the publication as a whole.</param>
/// <param name="Text">What is disputed.</param>
/// <param name="RaisedOn">The day it was raised.</param>
[Immutable]
public sealed record PublicationObjection(int Number, LedgerActor RaisedBy, MemberId? Concerning, string Text, LocalDate RaisedOn)
{
    /// <summary>Open, upheld or dismissed.</summary>
    public ObjectionStatus Status { get; init; } = ObjectionStatus.Open;

    /// <summary>Who resolved it, or <c>null</c> while open.</summary>
    public LedgerActor? ResolvedBy { get; init; }

    /// <summary>The day it was resolved, or <c>null</c> while open.</summary>
    public LocalDate? ResolvedOn { get; init; }

    /// <summary>The resolution's note, or <c>null</c> while open.</summary>
    public string? ResolutionNote { get; init; }

    /// <summary>Whether it still waits for a resolution.</summary>
    public bool IsOpen => Status == ObjectionStatus.Open;
}
