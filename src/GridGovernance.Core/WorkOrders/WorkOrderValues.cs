using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

// The small values a work order holds; each is a record of immutable values, read together with WorkOrder.

/// <summary>What a resident (or a grid worker for them) files: 群众下单.</summary>
[Immutable]
public sealed record WorkOrderDraft
{
    /// <summary>The category code, e.g. <c>leak</c>, <c>parking</c>, <c>sanitation</c> (the triage policy's categories).</summary>
    public required string Category { get; init; }

    /// <summary>What the matter is, in the resident's words. Kept on the order; never shown on the public board.</summary>
    public required string Description { get; init; }

    /// <summary>The unit where it happened (normally a grid); when <see cref="Household"/> is given, the household's unit is used.</summary>
    public OrgUnitId? Unit { get; init; }

    /// <summary>The household concerned, or <c>null</c> for a matter in a public place.</summary>
    public HouseholdId? Household { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>An address or landmark, or <c>null</c>; the public board shows it without numbers (<see cref="PersonalDataMasking.MaskAddress"/>).</summary>
    public string? Address { get; init; }

    /// <summary>How it reached the grid.</summary>
    public required WorkOrderChannel Channel { get; init; }

    /// <summary>Who filed it: the resident (who alone may rate it), or the grid worker who reported it.</summary>
    public required WorkOrderActor FiledBy { get; init; }

    /// <summary>The filer's name, or <c>null</c>; masked on the board (<c>张*明</c>).</summary>
    public string? FilerName { get; init; }

    /// <summary>The filer's phone number, or <c>null</c>; masked on the board (<c>138****1234</c>).</summary>
    public string? FilerPhone { get; init; }

    /// <summary>How pressing it is, as the filer or the hotline judged.</summary>
    public WorkOrderUrgency Urgency { get; init; } = WorkOrderUrgency.Routine;
}

/// <summary>One line of a work order's audit trail: one transition of <see cref="WorkOrderWorkflow.Transitions"/>.</summary>
/// <param name="Sequence">1 for the filing, then one more for each transition.</param>
/// <param name="Command">The command.</param>
/// <param name="From">The state before, or <c>null</c> for the filing.</param>
/// <param name="To">The state after.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="At">When.</param>
/// <param name="Note">A note, or <c>null</c>.</param>
[Immutable]
public sealed record WorkOrderAuditRecord(int Sequence, WorkOrderCommand Command, WorkOrderStatus? From, WorkOrderStatus To, WorkOrderActor Actor, Instant At, string? Note);

/// <summary>A department summoned by a whistle (吹哨), with the working days it has to report (报到).</summary>
/// <param name="Department">The department's code, e.g. <c>market-regulation</c> (市场监管), <c>city-management</c> (城管), <c>housing</c> (住建).</param>
/// <param name="AcknowledgeWorkingDays">Working days it has to report, at least 1.</param>
[Immutable]
public sealed record DepartmentSummons(string Department, int AcknowledgeWorkingDays = 1);

/// <summary>One summoned department's part of a whistled order, tracked to its own resolution.</summary>
/// <param name="Department">The department's code.</param>
/// <param name="SummonedAt">When it was summoned.</param>
/// <param name="AcknowledgeBy">The end of its time limit to report.</param>
/// <param name="AcknowledgedAt">When it reported, or <c>null</c>.</param>
/// <param name="ResolvedAt">When it finished its part, or <c>null</c>.</param>
/// <param name="Evidence">What it did, or <c>null</c>.</param>
[Immutable]
public sealed record DepartmentPart(string Department, Instant SummonedAt, Instant AcknowledgeBy, Instant? AcknowledgedAt = null, Instant? ResolvedAt = null, string? Evidence = null)
{
    /// <summary>Where the part stands.</summary>
    public DepartmentPartStatus Status => ResolvedAt is not null ? DepartmentPartStatus.Resolved
        : AcknowledgedAt is not null ? DepartmentPartStatus.Acknowledged : DepartmentPartStatus.Summoned;

    /// <summary>Whether it reported after its limit (or has not reported and the limit has passed at <paramref name="now"/>).</summary>
    /// <param name="now">The instant to judge at.</param>
    public bool IsLate(Instant now) => (AcknowledgedAt ?? now) >= AcknowledgeBy;
}

/// <summary>How an order was resolved.</summary>
/// <param name="By">Who resolved it.</param>
/// <param name="At">When.</param>
/// <param name="Evidence">The evidence: a reference to photos or a report, never blank.</param>
[Immutable]
public sealed record WorkOrderResolution(WorkOrderActor By, Instant At, string Evidence);

/// <summary>The resident's rating of a resolution (群众评单).</summary>
/// <param name="Satisfied">Whether they were satisfied.</param>
/// <param name="At">When.</param>
/// <param name="Comment">Their comment, or <c>null</c>; never shown on the board.</param>
[Immutable]
public sealed record WorkOrderRating(bool Satisfied, Instant At, string? Comment);

/// <summary>The record of a residents' deliberation (周末议事厅) on a disputed matter, and its outcome.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">How many residents took part, at least 1.</param>
/// <param name="Outcome">What was agreed.</param>
[Immutable]
public sealed record DeliberationRecord(LocalDate HeldOn, int Participants, string Outcome);
