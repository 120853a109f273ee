namespace GridGovernance.Scoring;

/// <summary>How stars are given (星级).</summary>
[Immutable]
public sealed record StarRules
{
    /// <summary>Score bands for banded stars (1…5); empty for none.</summary>
    public IReadOnlyList<StarBand> Bands { get; init; } = [];

    /// <summary>Named stars (at most twelve: 十二星级管理); empty for none.</summary>
    public IReadOnlyList<NamedStar> NamedStars { get; init; } = [];

    /// <summary>Items each counted occurrence of which earns one star (Laiwu Xiguan: a themed party day attended, a problem solved).</summary>
    public IReadOnlyList<string> EventStarItems { get; init; } = [];

    /// <summary>The most banded stars a vetoed member can have (e.g. 0), or <c>null</c> for no cap.</summary>
    public int? VetoStarCap { get; init; }
}
