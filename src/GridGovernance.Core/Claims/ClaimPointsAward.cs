using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;

namespace GridGovernance.Claims;

/// <summary>
/// Which rule-book item a completed claim or fulfilled wish earns, when the integrator awards points for it; recorded
/// through <see cref="PointsLedgerService.RecordAsync(GridGovernance.Authority.Actor, GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.Ledger.LedgerSource, GridGovernance.Scoring.Ledger.LedgerEntryRequest, System.Threading.CancellationToken)"/> with <see cref="LedgerSource.Claim"/>.
/// </summary>
/// <param name="RuleBook">The rule book.</param>
/// <param name="ItemCode">The item, e.g. <c>claims</c> (项目认领) or <c>wishes</c> (微心愿).</param>
/// <param name="Value">For a discretionary item, the value; otherwise <c>null</c>.</param>
[Immutable]
public sealed record ClaimPointsAward(RuleBook RuleBook, string ItemCode, Points? Value = null);
