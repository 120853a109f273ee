namespace GridGovernance;

// The contact-chain codes (六级联动, 党员联系户, 3+N); the other codes are in ErrorCodes.cs.
public static partial class ErrorCodes
{
    /// <summary>A household or member id appears twice in a contact-plan input.</summary>
    public const string ContactsDuplicateId = "contacts.duplicate-id";
    /// <summary>A contact-plan input has an unset id, community or grid.</summary>
    public const string ContactsMissingReference = "contacts.missing-reference";
    /// <summary>A contact-plan option is out of range (capacity, penalty, candidate count, keep bonus).</summary>
    public const string ContactsInvalidOptions = "contacts.invalid-options";
    /// <summary>A chain or log names a household or member the plan or roster does not know.</summary>
    public const string ContactsUnknownReference = "contacts.unknown-reference";
    /// <summary>A leader's link point (联系点) is not one street, one community and one grid nested in each other under the leader's district.</summary>
    public const string ContactsInvalidLinkPoint = "contacts.invalid-link-point";
    /// <summary>A contact record is invalid (a future date, blank notes over the limit, an unknown kind).</summary>
    public const string ContactsInvalidRecord = "contacts.invalid-record";
}
