using System.Collections.Immutable;

namespace GridGovernance.Scoring.Statements;

/// <summary>The stars on a statement and the shortfall to each next star.</summary>
/// <remarks>
/// A veto caps band stars at <see cref="StarRules.VetoStarCap"/> and leaves named and per-event stars as earned (as
/// <see cref="Stars.StarCalculator"/> gives them).
/// </remarks>
[Immutable]
public sealed record StatementStars
{
    /// <summary>Band stars earned (after the veto cap).</summary>
    public required int BandStars { get; init; }

    /// <summary>Band stars the score reaches before the veto cap.</summary>
    public required int BandStarsBeforeVeto { get; init; }

    /// <summary>Whether a veto lowered the band stars.</summary>
    public bool CappedByVeto => BandStars < BandStarsBeforeVeto;

    /// <summary>The most band stars a vetoed member can have (<see cref="StarRules.VetoStarCap"/>), or <c>null</c> for no cap.</summary>
    public int? VetoStarCap { get; init; }

    /// <summary>The next band above the one the score reaches, or <c>null</c> at the top band or with no bands.</summary>
    public StarBand? NextBand { get; init; }

    /// <summary>The score missing to reach <see cref="NextBand"/> (zero without one). A vetoed member whose band stars are capped gains no band star by reaching it.</summary>
    public Points NextBandShortfall { get; init; }

    /// <summary>Every named star of the rule book, in rule-book order.</summary>
    public ImmutableArray<NamedStarProgress> Named { get; init; } = [];

    /// <summary>Per-event stars (one per counted occurrence of an event-star item).</summary>
    public int EventStars { get; init; }

    /// <summary>All stars: band + named earned + event (as <see cref="Stars.MemberStars.Total"/>).</summary>
    public int Total => BandStars + Named.Count(n => n.Earned) + EventStars;
}
