using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Scoring.Catalogue;

/// <summary>A rule book was added to the catalogue.</summary>
/// <param name="RuleBook">The rule book.</param>
/// <param name="Version">Its first version.</param>
/// <param name="Owner">The unit that adopted it.</param>
/// <param name="By">Who added it.</param>
[Immutable]
public sealed record RuleBookAdded(RuleBookId RuleBook, int Version, OrgUnitId Owner, LedgerActor By) : IDomainEvent;
