namespace GridGovernance.Scoring;

/// <summary>What to do with an award that would take a total past its cap.</summary>
public enum CapMode
{
    /// <summary>Record the part that fits and drop the rest (the last award is clipped to the cap).</summary>
    Clip,

    /// <summary>Refuse the whole award once it does not fit.</summary>
    Refuse,
}
