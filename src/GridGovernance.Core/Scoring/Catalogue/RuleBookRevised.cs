using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Scoring.Catalogue;

/// <summary>A rule book in the catalogue gained a version, or an unpublished version was replaced.</summary>
/// <param name="RuleBook">The rule book.</param>
/// <param name="Version">The version added or replaced.</param>
/// <param name="Replaced">Whether an unpublished version was replaced (otherwise a version was added).</param>
/// <param name="By">Who revised it.</param>
[Immutable]
public sealed record RuleBookRevised(RuleBookId RuleBook, int Version, bool Replaced, LedgerActor By) : IDomainEvent;
