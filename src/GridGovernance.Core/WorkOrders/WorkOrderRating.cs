using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The resident's rating of a resolution (群众评单).</summary>
/// <param name="Satisfied">Whether they were satisfied.</param>
/// <param name="At">When.</param>
/// <param name="Comment">Their comment, or <c>null</c>; never shown on the board.</param>
[Immutable]
public sealed record WorkOrderRating(bool Satisfied, Instant At, string? Comment);
