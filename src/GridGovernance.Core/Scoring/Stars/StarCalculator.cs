using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace GridGovernance.Scoring.Stars;

/// <summary>
/// Gives stars (星级) from assessment results under a rule book's <see cref="StarRules"/>: banded stars from the
/// score, named stars (十二星级管理) from category totals and item counts, and per-event stars.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Banded: the stars of the highest band whose minimum the score reaches (zero below every band); a vetoed
/// member gets at most <see cref="StarRules.VetoStarCap"/>.</item>
/// <item>Named: a <see cref="StarCriterionKind.CategoryTotal"/> star when the category total (after caps, before
/// multipliers) is at least the minimum; an <see cref="StarCriterionKind.ItemCount"/> star when the item's counted
/// occurrences are at least the minimum count. The veto cap does not apply to named stars.</item>
/// <item>Event: the sum of the counted occurrences of the event-star items; an item listed twice counts once.</item>
/// </list>
/// </remarks>
[Immutable]
public static class StarCalculator
{
    /// <summary>The stars of one member.</summary>
    /// <param name="member">The member's result.</param>
    /// <param name="ruleBook">The rule book the member was assessed under.</param>
    /// <returns>The member's stars.</returns>
    /// <exception cref="GridGovernanceValidationException">The result does not have the rule book's categories and items (it was assessed under another book).</exception>
    public static MemberStars For(MemberAssessment member, RuleBook ruleBook)
    {
        Preconditions.CheckNotNull(member);
        Preconditions.CheckNotNull(ruleBook);
        return new CompiledStarRules(ruleBook).Apply(member);
    }

    /// <summary>The stars of every member of a result, in member id order.</summary>
    /// <param name="result">The assessment result.</param>
    /// <returns>One entry per member, in the order of <see cref="AssessmentResult.Members"/>.</returns>
    public static ImmutableArray<MemberStars> For(AssessmentResult result)
    {
        Preconditions.CheckNotNull(result);
        var rules = new CompiledStarRules(result.RuleBook);
        var stars = new MemberStars[result.Members.Length];
        for (int i = 0; i < stars.Length; i++)
        {
            stars[i] = rules.Apply(result.Members[i]);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(stars);
    }

    /// <summary>The banded stars of a score: the stars of the highest band whose minimum the score reaches, or zero.</summary>
    /// <param name="score">The score (a member's score or an organisation's points).</param>
    /// <param name="bands">The bands: each gives at least one star, and more stars need a strictly higher minimum.</param>
    /// <returns>The stars, zero or more.</returns>
    /// <exception cref="GridGovernanceValidationException">A band is null, gives fewer than one star, or the bands overlap.</exception>
    public static int BandStarsFor(Points score, IReadOnlyList<StarBand> bands) => BandStars(score, CheckBands(bands, nameof(bands)));

    internal static StarBand[] CheckBands(IReadOnlyList<StarBand> bands, string paramName)
    {
        Preconditions.CheckNotNull(bands, paramName);
        var ordered = new StarBand[bands.Count];
        for (int i = 0; i < ordered.Length; i++)
        {
            var band = bands[i];
            Preconditions.CheckArgument(band is not null, paramName, $"{paramName}[{i}] is null.");
            Preconditions.CheckArgument(band.Stars >= 1, paramName, $"{paramName}[{i}] gives {band.Stars} stars; a band gives at least one.");
            ordered[i] = band;
        }
        Array.Sort(ordered, static (x, y) => x.Stars.CompareTo(y.Stars));
        for (int i = 1; i < ordered.Length; i++)
        {
            Preconditions.CheckArgument(ordered[i].Stars != ordered[i - 1].Stars, paramName, $"Two bands give {ordered[i].Stars} stars.");
            Preconditions.CheckArgument(ordered[i].MinimumScore > ordered[i - 1].MinimumScore, paramName,
                $"The {ordered[i].Stars}-star band starts at {ordered[i].MinimumScore}, not above the {ordered[i - 1].Stars}-star band ({ordered[i - 1].MinimumScore}); bands overlap.");
        }
        return ordered;
    }

    /// <summary>Bands sorted by stars with strictly rising minimums: the last band reached wins.</summary>
    internal static int BandStars(Points score, StarBand[] ordered)
    {
        int stars = 0;
        for (int i = 0; i < ordered.Length && score >= ordered[i].MinimumScore; i++)
        {
            stars = ordered[i].Stars;
        }
        return stars;
    }

    /// <summary>The star rules resolved to positions once per rule book.</summary>
    private sealed class CompiledStarRules
    {
        private readonly RuleBook book;
        private readonly StarBand[] bands;
        private readonly (string Code, bool ByCategory, int Index, Points MinimumTotal, int MinimumCount)[] named;
        private readonly int[] eventItems;
        private readonly int? vetoCap;
        private readonly Dictionary<int, ImmutableArray<string>> namedByMask = []; // one shared array per combination of named stars

        internal CompiledStarRules(RuleBook book)
        {
            this.book = book;
            var rules = book.Stars ?? new StarRules();
            bands = CheckBands(rules.Bands ?? [], "ruleBook");
            named = (rules.NamedStars ?? [])
                .Select(s => s.Criterion.Kind == StarCriterionKind.CategoryTotal
                    ? (s.Code, true, book.IndexOfCategory(s.Criterion.Code), s.Criterion.MinimumTotal, 0)
                    : (s.Code, false, book.IndexOfItem(s.Criterion.Code), Points.Zero, s.Criterion.MinimumCount))
                .ToArray();
            eventItems = (rules.EventStarItems ?? []).Select(book.IndexOfItem).Distinct().ToArray();
            vetoCap = rules.VetoStarCap;
        }

        internal MemberStars Apply(MemberAssessment member)
        {
            if (member.CategoryTotals.Length != book.Categories.Length || member.ItemCounts.Length != book.Items.Length)
            {
                throw Preconditions.InvalidArgument(
                    $"{member.Member} was assessed under a rule book with {member.CategoryTotals.Length} categories and {member.ItemCounts.Length} items, not under '{book.Id}' ({book.Categories.Length} and {book.Items.Length}).",
                    nameof(member));
            }
            int bandStars = BandStars(member.Score, bands);
            if (member.Vetoed && vetoCap is int cap)
            {
                bandStars = Math.Min(bandStars, cap);
            }
            int mask = 0; // at most twelve named stars (the rule book checks it), so a bit each
            for (int s = 0; s < named.Length; s++)
            {
                var (_, byCategory, index, minimumTotal, minimumCount) = named[s];
                bool met = byCategory ? member.CategoryTotals[index] >= minimumTotal : member.ItemCounts[index] >= minimumCount;
                if (met)
                {
                    mask |= 1 << s;
                }
            }
            int eventStars = 0;
            foreach (int item in eventItems)
            {
                eventStars = checked(eventStars + member.ItemCounts[item]);
            }
            return new MemberStars(member, bandStars, NamedFor(mask), eventStars);
        }

        private ImmutableArray<string> NamedFor(int mask)
        {
            if (mask == 0)
            {
                return [];
            }
            if (!namedByMask.TryGetValue(mask, out var codes))
            {
                var builder = ImmutableArray.CreateBuilder<string>();
                for (int s = 0; s < named.Length; s++)
                {
                    if ((mask & (1 << s)) != 0)
                    {
                        builder.Add(named[s].Code);
                    }
                }
                codes = builder.ToImmutable();
                namedByMask.Add(mask, codes);
            }
            return codes;
        }
    }
}
