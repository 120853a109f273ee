using System.Collections.Immutable;
using NodaTime;
using GridGovernance.WorkOrders;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="WorkOrder"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.WorkOrder"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record WorkOrderStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required WorkOrderId Id { get; init; }

    /// <summary>The category code.</summary>
    public required string Category { get; init; }

    /// <summary>The resident's description; never shown on the public board.</summary>
    public required string Description { get; init; }

    /// <summary>How it came in.</summary>
    public required WorkOrderChannel Channel { get; init; }

    /// <summary>How pressing it is.</summary>
    public required WorkOrderUrgency Urgency { get; init; }

    /// <summary>Who filed it; only this actor may rate it.</summary>
    public required WorkOrderActor FiledBy { get; init; }

    /// <summary>The filer's name, or <c>null</c> (masked on the board).</summary>
    public required string? FilerName { get; init; }

    /// <summary>The filer's phone, or <c>null</c> (masked on the board).</summary>
    public required string? FilerPhone { get; init; }

    /// <summary>The household concerned, or <c>null</c>.</summary>
    public required HouseholdId? Household { get; init; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public required GeoPoint? Location { get; init; }

    /// <summary>The address or landmark, or <c>null</c> (shown without numbers on the board).</summary>
    public required string? Address { get; init; }

    /// <summary>The unit where it happened (the grid, or the household's unit); reports count it there. When that unit closes in a merge, split or close, it is the successor that took the place over (<c>WorkOrderCommand.FollowSuccessor</c>).</summary>
    public required OrgUnitId Unit { get; init; }

    /// <summary>When it was filed.</summary>
    public required Instant FiledAt { get; init; }

    /// <summary>Where it stands.</summary>
    public required WorkOrderStatus Status { get; init; }

    /// <summary>The triage class, or <c>null</c> before triage.</summary>
    public required TriageClass? Class { get; init; }

    /// <summary>The level handling it now (the class's level, raised by escalations).</summary>
    public required HandlingLevel Level { get; init; }

    /// <summary>The unit responsible now: the filing unit, the unit of the class's level after triage, one up after each escalation.</summary>
    public required OrgUnitId ResponsibleUnit { get; init; }

    /// <summary>The end of the current time limit, or <c>null</c> before triage.</summary>
    public required Instant? DueAt { get; init; }

    /// <summary>When to remind about the current limit, or <c>null</c> (none, or already reminded).</summary>
    public required Instant? RemindAt { get; init; }

    /// <summary>How many times it was escalated.</summary>
    public required int Escalations { get; init; }

    /// <summary>The first member who took it (首问责任); stays after transfers. <c>null</c> until claimed.</summary>
    public required MemberId? FirstResponder { get; init; }

    /// <summary>The member handling it now, or <c>null</c> (not yet claimed, or transferred to a unit and not claimed again).</summary>
    public required MemberId? Handler { get; init; }

    /// <summary>The summoned departments' parts, in summons order.</summary>
    public required ImmutableArray<DepartmentPart> Parts { get; init; }

    /// <summary>The latest resolution, or <c>null</c>.</summary>
    public required WorkOrderResolution? Resolution { get; init; }

    /// <summary>The resident's ratings, oldest first (one per resolution rated).</summary>
    public required ImmutableArray<WorkOrderRating> Ratings { get; init; }

    /// <summary>How many times an unsatisfied rating reopened it.</summary>
    public required int Reopens { get; init; }

    /// <summary>When it was closed, or <c>null</c>.</summary>
    public required Instant? ClosedAt { get; init; }

    /// <summary>Deliberation records (周末议事厅), oldest first.</summary>
    public required ImmutableArray<DeliberationRecord> Deliberations { get; init; }

    /// <summary>The audit trail: the filing and every transition, in order.</summary>
    public required ImmutableArray<WorkOrderAuditRecord> Audit { get; init; }
}
