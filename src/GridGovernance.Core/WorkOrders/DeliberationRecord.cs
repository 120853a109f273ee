using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>The record of a residents' deliberation (周末议事厅) on a disputed matter, and its outcome.</summary>
/// <param name="HeldOn">The day it was held.</param>
/// <param name="Participants">How many residents took part, at least 1.</param>
/// <param name="Outcome">What was agreed.</param>
[Immutable]
public sealed record DeliberationRecord(LocalDate HeldOn, int Participants, string Outcome);
