using System.Collections.Immutable;

namespace GridGovernance.Scoring.Stars;

/// <summary>
/// The stars one member earned over a period (星级): banded stars from the score, the codes of the named stars
/// earned (十二星级管理), and per-event stars (one per counted occurrence of an event-star item).
/// </summary>
/// <remarks>
/// A rule book may use any mix of the three systems; a system it does not configure gives zero.
/// <see cref="Total"/> adds them up and is what 优秀党员 selection compares.
/// </remarks>
[Immutable]
public sealed class MemberStars
{
    /// <summary>Creates a member's stars (normally <see cref="StarCalculator.For(MemberAssessment, RuleBook)"/> does).</summary>
    /// <param name="member">The member.</param>
    /// <param name="branch">The member's branch (for quotas per branch).</param>
    /// <param name="score">The member's score over the period.</param>
    /// <param name="vetoed">Whether a veto item (否决) occurred.</param>
    /// <param name="bandStars">Banded stars, zero or more (already capped for a veto).</param>
    /// <param name="namedStars">The codes of the named stars earned.</param>
    /// <param name="eventStars">Per-event stars, zero or more.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>). A named star code is empty.</exception>
    /// <exception cref="GridGovernanceValidationException">A star count is negative.</exception>
    public MemberStars(MemberId member, OrgUnitId branch, Points score, bool vetoed, int bandStars, IEnumerable<string> namedStars, int eventStars)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real id, not default.");
        Preconditions.CheckArgumentRange(nameof(bandStars), bandStars, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(nameof(eventStars), eventStars, 0, int.MaxValue);
        var named = Preconditions.CheckNotNull(namedStars).ToImmutableArray();
        foreach (var code in named)
        {
            Preconditions.CheckArgument(!string.IsNullOrWhiteSpace(code), nameof(namedStars), "namedStars must not contain an empty code.");
        }
        Member = member;
        Branch = branch;
        Score = score;
        Vetoed = vetoed;
        BandStars = bandStars;
        NamedStars = named;
        EventStars = eventStars;
    }

    /// <summary>The calculator's constructor: the arguments come from a validated result and rule book.</summary>
    internal MemberStars(MemberAssessment member, int bandStars, ImmutableArray<string> namedStars, int eventStars)
    {
        Member = member.Member;
        Branch = member.Subject.Branch;
        Score = member.Score;
        Vetoed = member.Vetoed;
        BandStars = bandStars;
        NamedStars = namedStars;
        EventStars = eventStars;
    }

    /// <summary>The member.</summary>
    public MemberId Member { get; }

    /// <summary>The member's branch.</summary>
    public OrgUnitId Branch { get; }

    /// <summary>The member's score over the period.</summary>
    public Points Score { get; }

    /// <summary>Whether a veto item occurred: never selected as 优秀, banded stars capped.</summary>
    public bool Vetoed { get; }

    /// <summary>Stars from the score bands, capped at <see cref="StarRules.VetoStarCap"/> for a vetoed member.</summary>
    public int BandStars { get; }

    /// <summary>The codes of the named stars earned, in rule-book order.</summary>
    public ImmutableArray<string> NamedStars { get; }

    /// <summary>One star per counted occurrence of an event-star item (Laiwu Xiguan).</summary>
    public int EventStars { get; }

    /// <summary>All stars: banded + named + event.</summary>
    public int Total => BandStars + NamedStars.Length + EventStars;

    /// <summary>Whether the member earned the named star with this code.</summary>
    /// <param name="code">The named star's code.</param>
    public bool HasNamedStar(string code) => NamedStars.Contains(Preconditions.CheckNotNull(code), StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{Member}: {Total} stars (band {BandStars}, named {NamedStars.Length}, event {EventStars}){(Vetoed ? ", vetoed" : "")}");
}
