using GridGovernance.Scoring.Rankings;

namespace GridGovernance.Scoring.WhatIf;

/// <summary>
/// One member under the current and the proposed rule book (规则修订预演): score, competition rank, stars and bottom-line
/// flags before and after.
/// </summary>
/// <remarks>Made by <see cref="RuleBookComparison"/>. Swapping the two books swaps every before and after, so every
/// difference changes sign.</remarks>
[Immutable]
public readonly record struct MemberChange
{
    internal MemberChange(MemberId member, OrgUnitId branch, Points scoreBefore, Points scoreAfter, int rankBefore, int rankAfter,
        int starsBefore, int starsAfter, BottomLineFlags flagsBefore, BottomLineFlags flagsAfter)
    {
        Member = member;
        Branch = branch;
        ScoreBefore = scoreBefore;
        ScoreAfter = scoreAfter;
        RankBefore = rankBefore;
        RankAfter = rankAfter;
        StarsBefore = starsBefore;
        StarsAfter = starsAfter;
        FlagsBefore = flagsBefore;
        FlagsAfter = flagsAfter;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The member's branch on the roster.</summary>
    public OrgUnitId Branch { get; }

    /// <summary>The score under the current rule book.</summary>
    public Points ScoreBefore { get; }

    /// <summary>The score under the proposed rule book.</summary>
    public Points ScoreAfter { get; }

    /// <summary><see cref="ScoreAfter"/> − <see cref="ScoreBefore"/>.</summary>
    public Points ScoreDelta => ScoreAfter - ScoreBefore;

    /// <summary>The competition rank (1, 2, 2, 4) over the whole roster under the current rule book.</summary>
    public int RankBefore { get; }

    /// <summary>The competition rank over the whole roster under the proposed rule book.</summary>
    public int RankAfter { get; }

    /// <summary>Places gained: <see cref="RankBefore"/> − <see cref="RankAfter"/> (positive: moves up the ranking).</summary>
    public int RankMove => RankBefore - RankAfter;

    /// <summary>All stars (banded + named + event, <c>MemberStars.Total</c>) under the current rule book.</summary>
    public int StarsBefore { get; }

    /// <summary>All stars under the proposed rule book.</summary>
    public int StarsAfter { get; }

    /// <summary><see cref="StarsAfter"/> − <see cref="StarsBefore"/>.</summary>
    public int StarDelta => StarsAfter - StarsBefore;

    /// <summary>The bottom-line flags (底线管理) under the current rule book.</summary>
    public BottomLineFlags FlagsBefore { get; }

    /// <summary>The bottom-line flags under the proposed rule book.</summary>
    public BottomLineFlags FlagsAfter { get; }

    /// <summary>Whether the member crosses the bottom line, and which way.</summary>
    public BottomLineCrossing Crossing =>
        (FlagsBefore != BottomLineFlags.None, FlagsAfter != BottomLineFlags.None) switch
        {
            (false, true) => BottomLineCrossing.Into,
            (true, false) => BottomLineCrossing.OutOf,
            _ => BottomLineCrossing.None,
        };

    /// <summary>Whether anything differs: score, rank, stars or bottom-line flags.</summary>
    public bool IsChanged => ScoreBefore != ScoreAfter || RankBefore != RankAfter || StarsBefore != StarsAfter || FlagsBefore != FlagsAfter;

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{Member}: {ScoreBefore} → {ScoreAfter}, rank {RankBefore} → {RankAfter}, stars {StarsBefore} → {StarsAfter}, bottom line {FlagsBefore} → {FlagsAfter}");
}
