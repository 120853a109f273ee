using System.Collections.Frozen;

namespace GridGovernance;

// The kind of every code (docs/errors.md prints the same table; ErrorCodesTest keeps the two in step).
public static partial class ErrorCodes
{
    private const string ForbiddenSuffix = ".forbidden";

    /// <summary>
    /// Every code this library defines, with its <see cref="ErrorKind"/>. A code is added here in the same change that
    /// adds its constant; a code never changes kind between versions.
    /// </summary>
    public static IReadOnlyDictionary<string, ErrorKind> Kinds { get; } = new Dictionary<string, ErrorKind>(StringComparer.Ordinal)
        {
            [ConcurrencyConflict] = ErrorKind.Conflict,
            [DuplicateKey] = ErrorKind.Conflict,
            [NotFound] = ErrorKind.NotFound,
            [StoredFormInvalid] = ErrorKind.Invalid,
            [StoredFormVersionUnknown] = ErrorKind.Invalid,
            [ValidationFailed] = ErrorKind.Invalid,
            [SpecificationMisuse] = ErrorKind.Invalid,
            [SpecificationNotSingle] = ErrorKind.Conflict,
            [ParentKindNotAllowed] = ErrorKind.Invalid,
            [UnknownUnitKind] = ErrorKind.Invalid,
            [RootKindMismatch] = ErrorKind.Invalid,
            [HierarchyCycle] = ErrorKind.Invalid,
            [UnitClosed] = ErrorKind.Precondition,
            [UnknownReference] = ErrorKind.Invalid,
            [MemberPlacementNotAllowed] = ErrorKind.Invalid,
            [HouseholdPlacementNotAllowed] = ErrorKind.Invalid,
            [RetroactiveChange] = ErrorKind.Precondition,
            [InvalidRestructure] = ErrorKind.Invalid,
            [UnitNotEmpty] = ErrorKind.Precondition,
            [RestructureBlocked] = ErrorKind.Precondition,
            [DuplicateId] = ErrorKind.Conflict,
            [InvalidValue] = ErrorKind.Invalid,
            [InvalidRole] = ErrorKind.Conflict,
            [NotOnRoster] = ErrorKind.Precondition,
            [IdempotencyKeyConflict] = ErrorKind.Conflict,
            [InvalidRuleBook] = ErrorKind.Invalid,
            [InvalidSpan] = ErrorKind.Invalid,
            [ClaimsDuplicateId] = ErrorKind.Conflict,
            [ClaimsInvalidValue] = ErrorKind.Invalid,
            [ClaimsCostOverflow] = ErrorKind.Invalid,
            [ClaimsInfeasibleMatching] = ErrorKind.Invalid,
            [ClaimsIllegalTransition] = ErrorKind.Precondition,
            [ClaimsProjectFull] = ErrorKind.Precondition,
            [ClaimsUnitLimitReached] = ErrorKind.Precondition,
            [ClaimsAlreadyClaimed] = ErrorKind.Conflict,
            [ClaimsNotEligible] = ErrorKind.Invalid,
            [ClaimsNotClaimant] = ErrorKind.Forbidden,
            [ClaimsWishTaken] = ErrorKind.Conflict,
            [ClaimsPersonOutsideJurisdiction] = ErrorKind.Invalid,
            [ContactsDuplicateId] = ErrorKind.Invalid,
            [ContactsMissingReference] = ErrorKind.Invalid,
            [ContactsInvalidOptions] = ErrorKind.Invalid,
            [ContactsUnknownReference] = ErrorKind.NotFound,
            [ContactsInvalidLinkPoint] = ErrorKind.Invalid,
            [ContactsInvalidRecord] = ErrorKind.Invalid,
            [TextTooLong] = ErrorKind.Invalid,
            [ForbiddenCharacter] = ErrorKind.Invalid,
            [UndefinedEnum] = ErrorKind.Invalid,
            [OutOfRange] = ErrorKind.Invalid,
            [ReversedRange] = ErrorKind.Invalid,
            [LocationRequired] = ErrorKind.Invalid,
            [ArithmeticOverflow] = ErrorKind.Invalid,
            [DateOutOfRange] = ErrorKind.Invalid,
            [UnknownKey] = ErrorKind.Invalid,
            [DuplicateInput] = ErrorKind.Invalid,
            [LedgerIllegalTransition] = ErrorKind.Precondition,
            [LedgerUnknownItem] = ErrorKind.Invalid,
            [LedgerNoVersionInForce] = ErrorKind.Invalid,
            [LedgerItemNotDeclarable] = ErrorKind.Invalid,
            [LedgerValueOutOfRange] = ErrorKind.Invalid,
            [LedgerValueRequired] = ErrorKind.Invalid,
            [LedgerValueNotAllowed] = ErrorKind.Invalid,
            [LedgerInvalidTier] = ErrorKind.Invalid,
            [LedgerFutureOccurrence] = ErrorKind.Invalid,
            [LedgerPeriodFrozen] = ErrorKind.Precondition,
            [LedgerNotInFrozenPeriod] = ErrorKind.Precondition,
            [LedgerReversalNotReversible] = ErrorKind.Precondition,
            [PeriodAlreadyPublished] = ErrorKind.Conflict,
            [RuleBookExists] = ErrorKind.Conflict,
            [RuleBookVersionPublished] = ErrorKind.Precondition,
            [RuleBookVersionOrder] = ErrorKind.Invalid,
            [RuleBookDiffersFromCatalogue] = ErrorKind.Conflict,
            [StatementDiffersFromPublication] = ErrorKind.Precondition,
            [PublicationPeriodNotEnded] = ErrorKind.Precondition,
            [PublicationObjectionWindowClosed] = ErrorKind.Precondition,
            [PublicationUnknownObjection] = ErrorKind.NotFound,
            [PublicationWindowOpen] = ErrorKind.Precondition,
            [PublicationOpenObjections] = ErrorKind.Precondition,
            [LedgerNotEligible] = ErrorKind.Invalid,
            [InsufficientBalance] = ErrorKind.Precondition,
            [OutOfStock] = ErrorKind.Precondition,
            [RewardItemInactive] = ErrorKind.Precondition,
            [WorkOrderIllegalTransition] = ErrorKind.Precondition,
            [WorkOrderOutsideJurisdiction] = ErrorKind.Forbidden,
            [WorkOrderNotFiler] = ErrorKind.Forbidden,
            [WorkOrderPartsOpen] = ErrorKind.Precondition,
            [WorkOrderPartState] = ErrorKind.Precondition,
            [WorkOrderUnknownDepartment] = ErrorKind.NotFound,
            [WorkOrderDepartmentNotConfigured] = ErrorKind.Invalid,
            [WorkOrderNoEscalationPath] = ErrorKind.Precondition,
            [WorkOrderNotDue] = ErrorKind.Precondition,
            [WorkOrderInvalidPolicy] = ErrorKind.Invalid,
            [PointsForbidden] = ErrorKind.Forbidden,
            [RewardsForbidden] = ErrorKind.Forbidden,
            [WorkOrderForbidden] = ErrorKind.Forbidden,
            [ClaimsForbidden] = ErrorKind.Forbidden,
            [ContactsForbidden] = ErrorKind.Forbidden,
            [OrganisationForbidden] = ErrorKind.Forbidden,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The kind of an error code: from <see cref="Kinds"/>; <see cref="ErrorKind.Forbidden"/> for any
    /// <c>{module}.forbidden</c> code (<see cref="Authority.Capability.ForbiddenCode"/>, also for an integrator's own
    /// modules); <see cref="ErrorKind.Unknown"/> for a code the library does not define.
    /// </summary>
    /// <param name="code">The code, e.g. <c>points.already-published</c>.</param>
    /// <returns>The code's kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <c>null</c>.</exception>
    public static ErrorKind KindOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Kinds.TryGetValue(code, out var kind))
        {
            return kind;
        }
        return code.Length > ForbiddenSuffix.Length && code.EndsWith(ForbiddenSuffix, StringComparison.Ordinal) && code.IndexOf('.', StringComparison.Ordinal) == code.Length - ForbiddenSuffix.Length
            ? ErrorKind.Forbidden
            : ErrorKind.Unknown;
    }
}
