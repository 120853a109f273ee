namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Identifies an entry of the points ledger (积分明细账). Ids are handed out by <see cref="PointsLedgerService"/> in
/// the order entries are recorded, so they double as the ledger's recorded order (the assessment's tie-breaker).
/// </summary>
/// <remarks>
/// Ids are positive; <c>default(LedgerEntryId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("ledger", typeof(long))]
public readonly partial record struct LedgerEntryId;
