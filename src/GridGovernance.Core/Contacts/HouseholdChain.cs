using System.Collections.Immutable;

namespace GridGovernance.Contacts;

/// <summary>
/// A household's chain (责任链) as of a date: its contact member (联系党员), then who answers at each unit from the
/// lowest (party group or grid) up to the district.
/// </summary>
/// <param name="Household">The household.</param>
/// <param name="Contact">The member looking after it, or <c>null</c> (a broken link).</param>
/// <param name="Levels">The levels, lowest first.</param>
[Immutable]
public readonly record struct HouseholdChain(HouseholdId Household, MemberId? Contact, ImmutableArray<ChainLevel> Levels)
{
    /// <summary>Whether the household has a contact and every level has an answerer.</summary>
    public bool IsComplete => Contact is not null && Levels.All(l => !l.IsBroken);
}
