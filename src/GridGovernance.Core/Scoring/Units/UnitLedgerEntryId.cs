namespace GridGovernance.Scoring.Units;

/// <summary>
/// Identifies an entry of the unit ledger (组织积分明细账). Ids are handed out by <see cref="UnitPointsService"/> in the
/// order entries are recorded, so they double as the recorded order (the assessment's tie-breaker).
/// </summary>
/// <remarks>Ids are positive; <c>default(UnitLedgerEntryId)</c> (value 0) means "none" and is never a valid id.</remarks>
[Immutable]
[StronglyTypedId("unit-ledger", typeof(long))]
public readonly partial record struct UnitLedgerEntryId;
