namespace GridGovernance.Scoring.Engine;

/// <summary>What folding one entry into a tally did with it.</summary>
internal enum AddOutcome
{
    Counted,
    Ignored,
    OutsidePeriod,
    UnknownMember,
}
