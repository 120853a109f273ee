namespace GridGovernance;

/// <summary>
/// The stable, machine-readable codes carried by <see cref="GridGovernanceException.Code"/> and
/// <see cref="ValidationProblem.Rule"/>. Codes never change meaning between versions; new ones are added.
/// </summary>
[Immutable]
public static partial class ErrorCodes
{
    /// <summary>An aggregate was saved by someone else since it was loaded (optimistic concurrency).</summary>
    public const string ConcurrencyConflict = "storage.concurrency-conflict";
    /// <summary>An aggregate with the same id is already stored.</summary>
    public const string DuplicateKey = "storage.duplicate-key";
    /// <summary>The aggregate asked for does not exist.</summary>
    public const string NotFound = "storage.not-found";
    /// <summary>A stored form (a document, or a form built in code) is missing a value, holds a value of the wrong shape, or breaks the aggregate's rules; the message names the field.</summary>
    public const string StoredFormInvalid = "storage.stored-form-invalid";
    /// <summary>A stored document has a form version this library does not know (written by a newer version): it is not read.</summary>
    public const string StoredFormVersionUnknown = "storage.stored-form-version-unknown";
    /// <summary>A batch or a set of options broke one or more rules; the problems are listed.</summary>
    public const string ValidationFailed = "validation.failed";

    /// <summary>A specification was built in a way the builder does not allow (for example two Take calls).</summary>
    public const string SpecificationMisuse = "specification.misuse";
    /// <summary>A single-result specification matched more than one item.</summary>
    public const string SpecificationNotSingle = "specification.not-single";

    /// <summary>The schema does not allow a unit of this kind under a parent of that kind.</summary>
    public const string ParentKindNotAllowed = "hierarchy.parent-kind-not-allowed";
    /// <summary>The schema does not know the unit kind.</summary>
    public const string UnknownUnitKind = "hierarchy.unknown-unit-kind";
    /// <summary>A unit of this kind must have a parent, or a root kind was given a parent.</summary>
    public const string RootKindMismatch = "hierarchy.root-kind-mismatch";
    /// <summary>The move would make a unit its own ancestor.</summary>
    public const string HierarchyCycle = "hierarchy.cycle";
    /// <summary>The unit referenced is closed on the effective date.</summary>
    public const string UnitClosed = "hierarchy.unit-closed";
    /// <summary>A unit, member or household referenced does not exist.</summary>
    public const string UnknownReference = "hierarchy.unknown-reference";
    /// <summary>Members may not be placed in a unit of this kind under the schema.</summary>
    public const string MemberPlacementNotAllowed = "hierarchy.member-placement-not-allowed";
    /// <summary>Households may not be placed in a unit of this kind under the schema.</summary>
    public const string HouseholdPlacementNotAllowed = "hierarchy.household-placement-not-allowed";
    /// <summary>A change is dated before the last recorded change of the same history.</summary>
    public const string RetroactiveChange = "history.retroactive-change";
    /// <summary>Merge or split inputs are inconsistent (kinds differ, a child is left out, a part is empty...).</summary>
    public const string InvalidRestructure = "hierarchy.invalid-restructure";
    /// <summary>A unit still has open children, members or households and cannot be closed.</summary>
    public const string UnitNotEmpty = "hierarchy.unit-not-empty";
    /// <summary>
    /// A merge, split or close would strand open work bound to a unit that closes (an open work order, a stationed unit,
    /// …) and no successor can take it over; the exception lists every piece of work that blocks the change.
    /// </summary>
    public const string RestructureBlocked = "hierarchy.restructure-blocked";
    /// <summary>An id appears twice in a batch or is already used.</summary>
    public const string DuplicateId = "hierarchy.duplicate-id";
    /// <summary>A value is outside its allowed range or format.</summary>
    public const string InvalidValue = "value.invalid";
    /// <summary>A role or a dual registration overlaps one already held, or names no held role to end.</summary>
    public const string InvalidRole = "hierarchy.invalid-role";
    /// <summary>The member or household has left the roster.</summary>
    public const string NotOnRoster = "hierarchy.not-on-roster";
    /// <summary>
    /// An idempotency key already used (on the points ledger, an account, a redemption) was sent again with a
    /// different request; a retry must repeat the original request exactly.
    /// </summary>
    public const string IdempotencyKeyConflict = "points.idempotency-key-conflict";
    /// <summary>A rule book breaks a rule (negative cap, overlapping tiers, a bad discretionary range...).</summary>
    public const string InvalidRuleBook = "points.invalid-rule-book";
    /// <summary>A functional organisation (regional committee) span or chair is invalid.</summary>
    public const string InvalidSpan = "hierarchy.invalid-span";
}
