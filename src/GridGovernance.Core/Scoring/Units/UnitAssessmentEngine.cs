using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Stars;

namespace GridGovernance.Scoring.Units;

/// <summary>
/// Organisation points (组织积分): the rule-book machinery of members applied to units — Yibin rates its organs quarterly
/// by points ("机关党组织根据积分评定星级"). A unit rule book is an ordinary <see cref="RuleBook"/> (categories, items,
/// caps, period kinds, vetoes, tiers); <see cref="Assess"/> scores units with it, <see cref="Stars"/> gives organisation
/// stars by bands, and <see cref="Rank(UnitAssessmentResult, HierarchyIndex, OrgUnitId)"/> ranks the units within a
/// unit's jurisdiction, a regional committee's (区域党委) spans included. Pure and deterministic.
/// </summary>
/// <remarks>
/// Units are assessed by the member engine (<see cref="AssessmentEngine"/>), each unit as one subject. That is exact
/// because a unit rule book may not read what only a member has: <see cref="Assess"/> refuses a book with member-kind
/// eligibility (<see cref="RuleItemVersion.EligibleKinds"/>) or kind multipliers, so the subject's kind is never read,
/// and its multiplier is 1 (a unit's score is its total).
/// </remarks>
[Immutable]
public static class UnitAssessmentEngine
{
    /// <summary>Assesses units over a period under a unit rule book.</summary>
    /// <param name="ruleBook">The unit rule book: no member-kind eligibility and no kind multipliers.</param>
    /// <param name="period">The period (Yibin: a quarter).</param>
    /// <param name="units">The units assessed, each once.</param>
    /// <param name="entries">Approved entries; entries outside the period or of units not assessed are skipped and counted.</param>
    /// <returns>One line per unit, in unit id order.</returns>
    /// <exception cref="ArgumentException">The rule book reads member kinds, a unit is <c>default</c> or assessed twice, or an entry names
    /// an item position the rule book does not have.</exception>
    public static UnitAssessmentResult Assess(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<OrgUnitId> units, ReadOnlySpan<UnitEntry> entries)
    {
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(units);
        CheckUnitBook(ruleBook);
        var roster = new AssessmentSubject[units.Count];
        for (int i = 0; i < roster.Length; i++)
        {
            Preconditions.CheckArgument(units[i].IsSpecified, nameof(units), $"units[{i}] is default; every unit assessed must be a real unit id.");
            roster[i] = Subject(units[i]);
        }
        var mapped = new AssessmentEntry[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            mapped[i] = new AssessmentEntry(new MemberId(e.Unit.Value), e.ItemIndex, e.OccurredOn, e.Sequence)
            {
                Value = e.Value,
                Tier = e.Tier,
                AfterReminder = e.AfterReminder,
            };
        }
        AssessmentResult result;
        try
        {
            result = AssessmentEngine.Assess(ruleBook, period, roster, mapped);
        }
        catch (ArgumentException e) when (e.ParamName == "roster")
        {
            throw new ArgumentException(e.Message.Replace("member:", "unit:", StringComparison.Ordinal), nameof(units), e);
        }
        var lines = new UnitAssessment[result.Members.Length];
        int skipped = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var m = result.Members[i];
            lines[i] = new UnitAssessment(new OrgUnitId(m.Member.Value), m.CategoryTotals, m.Total, m.Vetoed, m.ItemCounts);
        }
        foreach (var e in entries)
        {
            skipped += period.Contains(e.OccurredOn) && ContainsUnit(lines, e.Unit) ? 0 : 1;
        }
        return new UnitAssessmentResult(ruleBook, period, ImmutableCollectionsMarshal.AsImmutableArray(lines), skipped);
    }

    /// <summary>Organisation stars (星级) of each unit by its points: the stars of the highest band its total reaches (<see cref="OrganisationStars"/>).</summary>
    /// <param name="result">The units' points.</param>
    /// <param name="bands">The organisation bands (e.g. 3 stars from 80 points).</param>
    /// <param name="vetoStarCap">The most stars a vetoed unit gets, or <c>null</c> for no cap.</param>
    /// <returns>One entry per unit, in unit id order.</returns>
    /// <exception cref="ArgumentException">The bands are invalid, or the cap is negative.</exception>
    public static ImmutableArray<UnitStars> Stars(UnitAssessmentResult result, IReadOnlyList<StarBand> bands, int? vetoStarCap = null)
    {
        Preconditions.CheckNotNull(result);
        return StarsOf(result.Units, bands, vetoStarCap);
    }

    /// <summary>The stars of units' lines (an assessment's or a stored publication's).</summary>
    internal static ImmutableArray<UnitStars> StarsOf(ImmutableArray<UnitAssessment> lines, IReadOnlyList<StarBand> bands, int? vetoStarCap)
    {
        Preconditions.CheckArgument(vetoStarCap is null or >= 0, nameof(vetoStarCap), "vetoStarCap must be 0 or more.");
        var stars = OrganisationStars.For(lines.ToDictionary(u => u.Unit, u => u.Total), bands);
        if (vetoStarCap is not int cap)
        {
            return stars;
        }
        var vetoed = lines.Where(u => u.Vetoed).Select(u => u.Unit).ToHashSet();
        return [.. stars.Select(s => vetoed.Contains(s.Unit) && s.Stars > cap ? s with { Stars = cap } : s)];
    }

    /// <summary>Ranks every unit assessed by its points (score descending, then unit id), with competition ranks.</summary>
    /// <param name="result">The units' points.</param>
    /// <returns>The ranking (<see cref="UnitRankingRow.MemberCount"/> is 0: units are ranked by their own points).</returns>
    public static UnitRanking Rank(UnitAssessmentResult result)
    {
        Preconditions.CheckNotNull(result);
        return RankCore(result.Period, result.Units.AsSpan());
    }

    /// <summary>
    /// Ranks the units within a unit's jurisdiction (<see cref="HierarchyIndex.IsWithinJurisdiction"/>): the unit itself and
    /// those below it, and for a regional committee (区域党委) the units under the communities it spans on the index's day.
    /// Units not in the index are outside every scope.
    /// </summary>
    /// <param name="result">The units' points.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="scope">The unit whose jurisdiction is ranked.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentException">The scope is not in the index.</exception>
    public static UnitRanking Rank(UnitAssessmentResult result, HierarchyIndex index, OrgUnitId scope)
    {
        Preconditions.CheckNotNull(result);
        Preconditions.CheckNotNull(index);
        return RankLines(result.Period, result.Units, index, scope);
    }

    /// <summary>Ranks units' lines (an assessment's or a stored publication's): every line, or with an index those within the scope's jurisdiction.</summary>
    internal static UnitRanking RankLines(AssessmentPeriod period, ImmutableArray<UnitAssessment> lines, HierarchyIndex? index, OrgUnitId scope)
    {
        if (index is null)
        {
            return RankCore(period, lines.AsSpan());
        }
        Preconditions.CheckArgument(index.Contains(scope), nameof(scope), $"{scope} is not in the hierarchy index as of {index.AsOf:yyyy-MM-dd}.");
        var inScope = new List<UnitAssessment>();
        foreach (var unit in lines)
        {
            if (index.Contains(unit.Unit) && index.IsWithinJurisdiction(scope, (NodeRef)unit.Unit))
            {
                inScope.Add(unit);
            }
        }
        return RankCore(period, CollectionsMarshal.AsSpan(inScope));
    }

    private static UnitRanking RankCore(AssessmentPeriod period, ReadOnlySpan<UnitAssessment> units)
    {
        var ordered = units.ToArray();
        Array.Sort(ordered, static (x, y) => x.Total != y.Total ? y.Total.CompareTo(x.Total) : x.Unit.Value.CompareTo(y.Unit.Value));
        int n = ordered.Length;
        var rows = new UnitRankingRow[n];
        for (int p = 0; p < n;)
        {
            int q = p + 1;
            while (q < n && ordered[q].Total == ordered[p].Total)
            {
                q++;
            }
            for (int k = p; k < q; k++)
            {
                rows[k] = new UnitRankingRow(ordered[k].Unit, ordered[k].Total, 0, p + 1, k + 1, n - q, n);
            }
            p = q;
        }
        return new UnitRanking(period, UnitScoreAggregate.Sum, ImmutableCollectionsMarshal.AsImmutableArray(rows));
    }

    private static bool ContainsUnit(UnitAssessment[] lines, OrgUnitId unit)
    {
        int lo = 0, hi = lines.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = lines[mid].Unit.Value.CompareTo(unit.Value);
            if (c == 0)
            {
                return true;
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return false;
    }

    // The kind is never read: CheckUnitBook refused every rule that reads one.
    private static AssessmentSubject Subject(OrgUnitId unit) => new(new MemberId(unit.Value), MemberKind.InService, unit);

    internal static void CheckUnitBook(RuleBook ruleBook)
    {
        var problems = new List<string>();
        if (ruleBook.Definition.KindMultipliers.Count > 0)
        {
            problems.Add("it has kind multipliers");
        }
        foreach (var item in ruleBook.Items)
        {
            if (item.Versions.Any(v => v.EligibleKinds.Count > 0))
            {
                problems.Add($"item '{item.Code}' is limited to member kinds");
            }
        }
        Preconditions.CheckArgument(problems.Count == 0, nameof(ruleBook),
            $"The rule book '{ruleBook.Id}' reads member kinds, which a unit does not have: {string.Join("; ", problems)}.");
    }
}
