namespace GridGovernance.Claims.Matching;

/// <summary>Why a project has places left unfilled after optimal matching.</summary>
public enum UnmatchedReason
{
    /// <summary>Every place is filled.</summary>
    None = 0,

    /// <summary>No unit offers the category in the project's area and is available on its deadline.</summary>
    NoEligibleUnit = 1,

    /// <summary>Some units qualify by category, area and availability, but all lie beyond the distance limit.</summary>
    NoEligibleUnitInRange = 2,

    /// <summary>
    /// Units in range qualify, but their capacity went to other projects: the optimum fills more places (or the same
    /// number at less cost) that way.
    /// </summary>
    AllEligibleUnitsFull = 3,
}
