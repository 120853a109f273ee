namespace GridGovernance.Contacts;

/// <summary>Why a household could not be linked.</summary>
public enum UncoveredReason
{
    /// <summary>No member serves the household's community (or, when cross-grid links are forbidden, its grid).</summary>
    NoMemberAvailable,
    /// <summary>Every member the household may be linked to already looks after as many households as their capacity allows.</summary>
    AllMembersFull,
}
