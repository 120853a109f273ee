namespace GridGovernance.Scoring.Rankings;

/// <summary>How a unit's score is made from the scores of the members under it.</summary>
public enum UnitScoreAggregate
{
    /// <summary>The sum of the members' scores (favours large units).</summary>
    Sum,

    /// <summary>
    /// The mean of the members' scores, rounded half away from zero to 0.0001 point; zero for a unit with no
    /// assessed members.
    /// </summary>
    Mean,
}
