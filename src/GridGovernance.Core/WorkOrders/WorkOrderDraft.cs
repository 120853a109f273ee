namespace GridGovernance.WorkOrders;

/// <summary>
/// What a resident (or a grid worker for them) files: 群众下单. Who filed it is the acting <see cref="Authority.Actor"/>
/// of <see cref="WorkOrderService.FileAsync"/>, stored as <see cref="WorkOrder.FiledBy"/>.
/// </summary>
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

    /// <summary>The filer's name, or <c>null</c>; masked on the board (<c>张*明</c>).</summary>
    public string? FilerName { get; init; }

    /// <summary>The filer's phone number, or <c>null</c>; masked on the board (<c>138****1234</c>).</summary>
    public string? FilerPhone { get; init; }

    /// <summary>How pressing it is, as the filer or the hotline judged.</summary>
    public WorkOrderUrgency Urgency { get; init; } = WorkOrderUrgency.Routine;
}
