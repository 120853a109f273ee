namespace GridGovernance.Contacts;

/// <summary>Why a household could not be linked.</summary>
public enum UncoveredReason
{
    /// <summary>No member serves the household's community (or, when cross-grid links are forbidden, its grid).</summary>
    NoMemberAvailable,
    /// <summary>Every member the household may be linked to already looks after as many households as their capacity allows.</summary>
    AllMembersFull,
    /// <summary>
    /// The plan links the household to a member who is no longer there (党员离开、调动): they left the roster, or moved to a branch
    /// outside the household's community, or no longer serve it (a 双报到 registration ended). Reported from the day of
    /// the change until the plan is rebalanced (<see cref="ContactPlanEngine.Rebalance"/>); the chain names no contact.
    /// </summary>
    ContactLeft,
}
