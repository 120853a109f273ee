using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>How an order was resolved.</summary>
/// <param name="By">Who resolved it.</param>
/// <param name="At">When.</param>
/// <param name="Evidence">The evidence: a reference to photos or a report, never blank.</param>
[Immutable]
public sealed record WorkOrderResolution(WorkOrderActor By, Instant At, string Evidence);
