namespace GridGovernance;

// The points ledger (积分明细账) and publication (公示) codes; the other codes are in ErrorCodes.cs.
public static partial class ErrorCodes
{
    /// <summary>A workflow step is not in its transition table (e.g. approving a rejected declaration); see <see cref="IllegalTransitionException"/>.</summary>
    public const string LedgerIllegalTransition = "points.illegal-transition";
    /// <summary>The rule book has no item with the code given, or an entry names an item the rule book no longer has.</summary>
    public const string LedgerUnknownItem = "points.unknown-item";
    /// <summary>The item has no version in force on the occurrence date.</summary>
    public const string LedgerNoVersionInForce = "points.no-version-in-force";
    /// <summary>The item is computed by the assessment (a threshold rule or an automatic grant) and cannot be declared or recorded.</summary>
    public const string LedgerItemNotDeclarable = "points.item-not-declarable";
    /// <summary>A discretionary value lies outside the item version's Minimum..Maximum.</summary>
    public const string LedgerValueOutOfRange = "points.value-out-of-range";
    /// <summary>A discretionary item was declared or recorded without a value.</summary>
    public const string LedgerValueRequired = "points.value-required";
    /// <summary>A value was given for an item that is not discretionary.</summary>
    public const string LedgerValueNotAllowed = "points.value-not-allowed";
    /// <summary>A tiered item was given no tier or an unknown tier, or a tier was given for an item that is not tiered.</summary>
    public const string LedgerInvalidTier = "points.invalid-tier";
    /// <summary>The occurrence date is after today (in the configured zone).</summary>
    public const string LedgerFutureOccurrence = "points.future-occurrence";
    /// <summary>The occurrence date lies in a frozen period; record a late correction with RecordAdjustmentAsync.</summary>
    public const string LedgerPeriodFrozen = "points.period-frozen";
    /// <summary>An adjustment names an occurrence date that lies in no frozen period (record it normally).</summary>
    public const string LedgerNotInFrozenPeriod = "points.not-in-frozen-period";
    /// <summary>A reversal entry cannot itself be reversed; record a new entry instead.</summary>
    public const string LedgerReversalNotReversible = "points.reversal-not-reversible";
    /// <summary>The period has already been published for this rule book.</summary>
    public const string PeriodAlreadyPublished = "points.already-published";
    /// <summary>A period can be published only after its last day.</summary>
    public const string PublicationPeriodNotEnded = "points.period-not-ended";
    /// <summary>An objection (异议) was raised outside the publication window.</summary>
    public const string PublicationObjectionWindowClosed = "points.objection-window-closed";
    /// <summary>The publication has no objection with the number given.</summary>
    public const string PublicationUnknownObjection = "points.unknown-objection";
    /// <summary>The publication window is still open, so the period cannot be frozen yet.</summary>
    public const string PublicationWindowOpen = "points.publication-window-open";
    /// <summary>An objection is still open, so the period cannot be frozen yet.</summary>
    public const string PublicationOpenObjections = "points.open-objections";
    /// <summary>A member's statement (积分明细账) was asked of a publication whose line for the member its entries do not add up to: the ledger or the roster changed after publication; revise the publication first.</summary>
    public const string StatementDiffersFromPublication = "points.statement-differs-from-publication";
    /// <summary>The member's kind may not earn the item (its version's <c>EligibleKinds</c>), so the entry would never count.</summary>
    public const string LedgerNotEligible = "points.not-eligible";
    /// <summary>A rule book with this id is already in the catalogue (with other content); revise it instead.</summary>
    public const string RuleBookExists = "points.rule-book-exists";
    /// <summary>A version of a rule book that a publication used was to be changed; save the change as a new version.</summary>
    public const string RuleBookVersionPublished = "points.rule-book-version-published";
    /// <summary>A new version of a rule book must be higher than every version the catalogue holds.</summary>
    public const string RuleBookVersionOrder = "points.rule-book-version-order";
    /// <summary>A result was computed with a rule book whose id and version the catalogue holds with other content.</summary>
    public const string RuleBookDiffersFromCatalogue = "points.rule-book-differs-from-catalogue";
}
