using System.Collections.Immutable;
using System.Globalization;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Engine;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Stars;

namespace GridGovernance.Scoring.Statements;

/// <summary>
/// A member's statement for a published period (积分明细账): every entry with its outcome and the rule that decided it,
/// category subtotals against their caps, the stars earned and what is missing for each next star, and the member's
/// rank and percentile in a scope. Built from a publication (<see cref="PublishedResults"/>) and the member's ledger
/// entries; rendered with <see cref="ToHtml"/> as a printable page in Chinese.
/// </summary>
/// <remarks>
/// <para>
/// The totals, the score and the rank are the published ones: nothing is re-assessed for the roster. The lines are the
/// member's own entries replayed in order (as <see cref="AssessmentEngine.Explain"/> does), and <see cref="Create(RuleBook, PublishedResults, AssessmentSubject, ReadOnlySpan{AssessmentEntry}, string, StatementView)"/>
/// refuses to build a statement whose lines do not add up to the published line (code
/// <see cref="ErrorCodes.StatementDiffersFromPublication"/>): the ledger changed after publication, and the publication
/// must be revised first (<see cref="PeriodPublicationService.ReviseAsync"/>).
/// </para>
/// <para>
/// The name is masked as on the public ranking (<see cref="PersonalDataMasking.MaskName"/>) unless the statement is
/// made for the member's own view (<see cref="StatementView.Own"/>).
/// </para>
/// </remarks>
[Immutable]
public sealed class MemberStatement
{
    private MemberStatement()
    {
    }

    /// <summary>The publication the statement reads.</summary>
    public required PeriodPublicationId Publication { get; init; }

    /// <summary>The revision of the publication's results (0 for the first).</summary>
    public required int Revision { get; init; }

    /// <summary>The rule book's name (e.g. 莱芜区党员分类积分细则（2024年版）).</summary>
    public required string RuleBookName { get; init; }

    /// <summary>The rule book's version.</summary>
    public required int RuleBookVersion { get; init; }

    /// <summary>The period.</summary>
    public required AssessmentPeriod Period { get; init; }

    /// <summary>The member.</summary>
    public required MemberId Member { get; init; }

    /// <summary>The member's branch on the published line.</summary>
    public required OrgUnitId Branch { get; init; }

    /// <summary>The name as shown: masked for <see cref="StatementView.Public"/>, whole for <see cref="StatementView.Own"/>.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The view the statement was made for.</summary>
    public required StatementView View { get; init; }

    /// <summary>Every line, in the order the engine applied them.</summary>
    public required ImmutableArray<StatementLine> Lines { get; init; }

    /// <summary>Every category of the rule book with its subtotal, in rule-book order.</summary>
    public required ImmutableArray<StatementCategory> Categories { get; init; }

    /// <summary>Points awarded after caps (the sum of the categories' <see cref="StatementCategory.Awarded"/>).</summary>
    public required Points Awarded { get; init; }

    /// <summary>Points deducted (zero or negative).</summary>
    public required Points Deducted { get; init; }

    /// <summary>Awards lost to caps (the sum of worth minus counted over the awards).</summary>
    public required Points Clipped { get; init; }

    /// <summary>The published total: the sum of the category totals.</summary>
    public required Points Total { get; init; }

    /// <summary>The published score: the total after the kind and member multipliers.</summary>
    public required Points Score { get; init; }

    /// <summary>Whether a veto item (否决) occurred.</summary>
    public required bool Vetoed { get; init; }

    /// <summary>The stars and the shortfall to each next star.</summary>
    public required StatementStars Stars { get; init; }

    /// <summary>The member's rank and percentile in the scope asked for.</summary>
    public required StatementRank Rank { get; init; }

    /// <summary>Builds a member's statement, ranked among everyone the publication holds.</summary>
    /// <param name="ruleBook">The rule book the publication was computed with (same id and version).</param>
    /// <param name="published">The published results (<see cref="PeriodPublicationService.GetResultsAsync"/>).</param>
    /// <param name="subject">The member as they were on the assessment roster (kind and multiplier).</param>
    /// <param name="entries">The member's approved, effective entries of the period (e.g. from <see cref="LedgerExportService.ExportForAssessmentAsync(GridGovernance.Scoring.RuleBook, GridGovernance.Scoring.AssessmentPeriod, System.Threading.CancellationToken)"/>);
    /// other members' and other periods' entries are skipped.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="view">Masked for the public (default), or whole for the member's own view.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="GridGovernanceValidationException">The rule book is not the publication's (id, version or categories differ), the member is not on
    /// the publication, or an entry names an item position the rule book lacks.</exception>
    /// <exception cref="GridGovernanceException">The entries do not add up to the published line
    /// (<see cref="ErrorCodes.StatementDiffersFromPublication"/>): revise the publication first.</exception>
    public static MemberStatement Create(RuleBook ruleBook, PublishedResults published, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries,
        string name, StatementView view = StatementView.Public)
    {
        Preconditions.CheckNotNull(published);
        var line = Check(ruleBook, published, subject, name, view);
        var rank = RankIn(published, line.Score, null, null, null);
        return Build(ruleBook, published, subject, entries, name, view, line, rank);
    }

    /// <summary>
    /// Builds a member's statement, ranked among everyone the publication holds, with the member as the publication has them
    /// (kind, branch and multiplier of <see cref="PublishedMemberResult.Subject"/>): nothing is taken from today's roster.
    /// </summary>
    /// <param name="ruleBook">The rule book the publication was computed with (same id and version; <see cref="Catalogue.RuleBookCatalogue.GetAsync(RuleBookId, int, CancellationToken)"/>
    /// with <see cref="PublishedResults.RuleBookVersion"/>).</param>
    /// <param name="published">The published results.</param>
    /// <param name="member">The member.</param>
    /// <param name="entries">The member's approved, effective entries of the period; other members' and other periods' are skipped.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="view">Masked for the public (default), or whole for the member's own view.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">As the overload with a subject, or the publication was made before its lines kept the member's
    /// kind and multiplier (use the overload with a subject).</exception>
    /// <exception cref="GridGovernanceException">The entries do not add up to the published line (<see cref="ErrorCodes.StatementDiffersFromPublication"/>).</exception>
    public static MemberStatement Create(RuleBook ruleBook, PublishedResults published, MemberId member, ReadOnlySpan<AssessmentEntry> entries,
        string name, StatementView view = StatementView.Public) =>
        Create(ruleBook, published, SubjectOf(published, member), entries, name, view);

    /// <summary>As <see cref="Create(RuleBook, PublishedResults, MemberId, ReadOnlySpan{AssessmentEntry}, string, StatementView)"/>, ranked within a unit's jurisdiction.</summary>
    /// <param name="ruleBook">The rule book the publication was computed with.</param>
    /// <param name="published">The published results.</param>
    /// <param name="member">The member.</param>
    /// <param name="entries">The member's approved, effective entries of the period.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="view">Masked for the public, or whole for the member's own view.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="scope">The unit whose jurisdiction is ranked.</param>
    /// <returns>The statement.</returns>
    /// <exception cref="ArgumentException">As the other overloads, or the unit is not in the index.</exception>
    /// <exception cref="GridGovernanceException">The entries do not add up to the published line (<see cref="ErrorCodes.StatementDiffersFromPublication"/>).</exception>
    public static MemberStatement Create(RuleBook ruleBook, PublishedResults published, MemberId member, ReadOnlySpan<AssessmentEntry> entries,
        string name, StatementView view, HierarchyIndex index, OrgUnitId scope) =>
        Create(ruleBook, published, SubjectOf(published, member), entries, name, view, index, scope);

    private static AssessmentSubject SubjectOf(PublishedResults published, MemberId member)
    {
        Preconditions.CheckNotNull(published);
        Preconditions.CheckArgument(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        var line = Find(published, member) ?? throw new ArgumentException($"{member} is not on {published.Id}.", nameof(member));
        return line.Subject ?? throw new ArgumentException(
            $"{published.Id} was published before its lines kept each member's kind and multiplier; pass the member's AssessmentSubject instead.", nameof(published));
    }

    /// <summary>Builds a member's statement, ranked within a unit's jurisdiction (<see cref="HierarchyIndex.IsWithinJurisdiction"/>).</summary>
    /// <param name="ruleBook">The rule book the publication was computed with (same id and version).</param>
    /// <param name="published">The published results.</param>
    /// <param name="subject">The member as they were on the assessment roster.</param>
    /// <param name="entries">The member's approved, effective entries of the period.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="view">Masked for the public, or whole for the member's own view.</param>
    /// <param name="index">The hierarchy, normally as of the period's end.</param>
    /// <param name="scope">The unit whose jurisdiction is ranked (a branch, community, street, city or regional committee).</param>
    /// <returns>The statement.</returns>
    /// <exception cref="GridGovernanceValidationException">As the other overload, or the unit is not in the index.</exception>
    /// <exception cref="GridGovernanceException">The entries do not add up to the published line (<see cref="ErrorCodes.StatementDiffersFromPublication"/>).</exception>
    public static MemberStatement Create(RuleBook ruleBook, PublishedResults published, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries,
        string name, StatementView view, HierarchyIndex index, OrgUnitId scope)
    {
        Preconditions.CheckNotNull(published);
        Preconditions.CheckNotNull(index);
        Preconditions.CheckArgument(index.Contains(scope), nameof(scope), ErrorCodes.UnknownKey, $"{scope} is not in the hierarchy index as of {index.AsOf:yyyy-MM-dd}.");
        var line = Check(ruleBook, published, subject, name, view);
        var rank = RankIn(published, line.Score, index, scope, subject.Member);
        return Build(ruleBook, published, subject, entries, name, view, line, rank);
    }

    /// <summary>Renders the statement as a printable HTML page in Chinese; every text is HTML-encoded.</summary>
    /// <returns>A whole HTML document.</returns>
    public string ToHtml() => MemberStatementHtml.Render(this);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"{Member} {Period.Label}: total {Total}, score {Score}, {Lines.Length} lines, rank {Rank.Rank}/{Rank.ScopeCount}");

    private static PublishedMemberResult Check(RuleBook ruleBook, PublishedResults published, AssessmentSubject subject, string name, StatementView view)
    {
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckNotNull(name);
        Preconditions.CheckArgument(Enum.IsDefined(view), nameof(view), $"Unknown view {(int)view}.");
        Preconditions.CheckArgument(subject.Member.IsSpecified, nameof(subject), "subject must name a real member, not default.");
        Preconditions.CheckArgument(published.Id.RuleBookId == ruleBook.Id && published.RuleBookVersion == ruleBook.Version, nameof(ruleBook),
            $"{published.Id} was computed with version {published.RuleBookVersion} of '{published.Id.RuleBookId}', not with version {ruleBook.Version} of '{ruleBook.Id}'.");
        Preconditions.CheckArgument(published.CategoryCodes.SequenceEqual(ruleBook.Categories.Select(c => c.Code)), nameof(ruleBook),
            $"The categories of {published.Id} are not those of the rule book '{ruleBook.Id}'.");
        return Find(published, subject.Member)
            ?? throw Preconditions.UnknownKey(nameof(subject), $"{subject.Member} is not on {published.Id}.");
    }

    /// <summary>The member's published line: lines are in member id order, so a binary search.</summary>
    private static PublishedMemberResult? Find(PublishedResults published, MemberId member)
    {
        var results = published.Results;
        int lo = 0, hi = results.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = results[mid].Member.Value.CompareTo(member.Value);
            if (c == 0)
            {
                return results[mid];
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        // A publication made otherwise than by PublishedResults.Of may not be in order.
        return published.ResultOf(member);
    }

    private static StatementRank RankIn(PublishedResults published, Points score, HierarchyIndex? index, OrgUnitId? scope, MemberId? member)
    {
        long units = score.Units;
        if (index is null)
        {
            var sorted = published.SortedScores();
            int lower = LowerBound(sorted, units), upper = LowerBound(sorted, units + 1);
            return new StatementRank(null, sorted.Length - upper + 1, lower, sorted.Length);
        }
        int above = 0, below = 0, count = 0;
        foreach (var r in published.Results)
        {
            if (index is not null && !index.IsWithinJurisdiction(scope!.Value, (NodeRef)r.Member))
            {
                continue;
            }
            count++;
            long s = r.Score.Units;
            above += s > units ? 1 : 0;
            below += s < units ? 1 : 0;
        }
        if (index is not null && !index.IsWithinJurisdiction(scope!.Value, (NodeRef)member!.Value))
        {
            throw Preconditions.UnknownKey(nameof(scope), $"{member} is not within the jurisdiction of {scope}.");
        }
        return new StatementRank(scope, above + 1, below, count);
    }

    /// <summary>The first position whose score is at least <paramref name="units"/>.</summary>
    private static int LowerBound(ImmutableArray<long> sorted, long units)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < units) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static MemberStatement Build(RuleBook ruleBook, PublishedResults published, AssessmentSubject subject, ReadOnlySpan<AssessmentEntry> entries,
        string name, StatementView view, PublishedMemberResult line, StatementRank rank)
    {
        var compiled = new CompiledRuleBook(ruleBook, published.Period, [subject]);
        var explanation = ReferenceReplay.Explain(compiled, subject, entries);
        var replayed = explanation.Result;
        if (replayed.Total != line.Total || replayed.Score != line.Score || replayed.Vetoed != line.Vetoed
            || !replayed.CategoryTotals.AsSpan().SequenceEqual(line.CategoryTotals.AsSpan()))
        {
            throw new GridGovernanceException(ErrorCodes.StatementDiffersFromPublication,
                $"The entries of {subject.Member} in {published.Period.Label} add up to a total of {replayed.Total} and a score of {replayed.Score}, " +
                $"but {published.Id} (revision {published.Revision}) shows {line.Total} and {line.Score}: the ledger or the roster changed after publication; revise the publication first.");
        }

        var book = ruleBook;
        var lines = ImmutableArray.CreateBuilder<StatementLine>(explanation.Outcomes.Length);
        var awarded = new long[book.Categories.Length];
        var deducted = new long[book.Categories.Length];
        long clipped = 0;
        foreach (var outcome in explanation.Outcomes)
        {
            int item = book.IndexOfItem(outcome.Item);
            int category = book.ItemCategories[item];
            var statementLine = LineOf(compiled, subject, replayed, outcome, item, category);
            lines.Add(statementLine);
            if (outcome.Worth.Units >= 0)
            {
                awarded[category] += outcome.Counted.Units;
                // A once-per-period occurrence that lost to another was never an award, so nothing of it was clipped.
                clipped += outcome.Outcome == EntryOutcomeKind.RefusedOncePerPeriod ? 0 : outcome.Worth.Units - outcome.Counted.Units;
            }
            else
            {
                deducted[category] += outcome.Counted.Units;
            }
        }
        var categories = ImmutableArray.CreateBuilder<StatementCategory>(book.Categories.Length);
        // The caps as they apply to the period assessed (a yearly cap assessed quarterly is a quarter of it).
        long totalAwarded = 0, totalDeducted = 0;
        for (int c = 0; c < book.Categories.Length; c++)
        {
            var category = book.Categories[c];
            categories.Add(new StatementCategory(category.Code, category.Name, Points.FromUnits(awarded[c]), Points.FromUnits(deducted[c]), line.CategoryTotals[c], compiled.CategoryCaps[c]));
            totalAwarded += awarded[c];
            totalDeducted += deducted[c];
        }
        return new MemberStatement
        {
            Publication = published.Id,
            Revision = published.Revision,
            RuleBookName = book.Definition.Name,
            RuleBookVersion = book.Version,
            Period = published.Period,
            Member = subject.Member,
            Branch = line.Branch,
            DisplayName = view == StatementView.Own ? PersonalDataMasking.RemoveInvisible(name).Trim() : PersonalDataMasking.MaskName(name),
            View = view,
            Lines = lines.MoveToImmutable(),
            Categories = categories.MoveToImmutable(),
            Awarded = Points.FromUnits(totalAwarded),
            Deducted = Points.FromUnits(totalDeducted),
            Clipped = Points.FromUnits(clipped),
            Total = line.Total,
            Score = line.Score,
            Vetoed = line.Vetoed,
            Stars = StarsOf(book, replayed),
            Rank = rank,
        };
    }

    private static StatementLine LineOf(CompiledRuleBook compiled, AssessmentSubject subject, MemberAssessment replayed, EntryOutcome outcome, int item, int category)
    {
        var book = compiled.Book;
        var period = compiled.Period;
        var ruleItem = book.Items[item];
        var entry = outcome.Entry;
        var version = entry is AssessmentEntry e ? book.VersionOn(item, e.OccurredOn) : compiled.PeriodVersions[item];
        StatementRule rule;
        PointsCap? cap = null;
        string? capOf = null;
        switch (outcome.Outcome)
        {
            case EntryOutcomeKind.ClippedByItemCap or EntryOutcomeKind.RefusedByItemCap:
                rule = outcome.Outcome == EntryOutcomeKind.ClippedByItemCap ? StatementRule.ClippedByItemCap : StatementRule.RefusedByItemCap;
                cap = compiled.ItemCaps[item];
                capOf = ruleItem.Name;
                break;
            case EntryOutcomeKind.ClippedByCategoryCap or EntryOutcomeKind.RefusedByCategoryCap:
                rule = outcome.Outcome == EntryOutcomeKind.ClippedByCategoryCap ? StatementRule.ClippedByCategoryCap : StatementRule.RefusedByCategoryCap;
                cap = compiled.CategoryCaps[category];
                capOf = book.Categories[category].Name;
                break;
            case EntryOutcomeKind.RefusedOncePerPeriod:
                rule = StatementRule.RefusedOncePerPeriod;
                break;
            case EntryOutcomeKind.IgnoredNotEligible:
                rule = StatementRule.IgnoredNotEligible;
                break;
            case EntryOutcomeKind.IgnoredNoVersionInForce:
                rule = StatementRule.IgnoredBeforeEffectiveFrom;
                break;
            case EntryOutcomeKind.IgnoredBadTier:
                rule = StatementRule.IgnoredBadTier;
                break;
            case EntryOutcomeKind.IgnoredComputedItem:
                rule = StatementRule.IgnoredComputedItem;
                break;
            default:
                rule = entry is null
                    ? version?.Kind == ItemKind.Threshold ? StatementRule.ThresholdShortfall : StatementRule.AutomaticGrant
                    : version?.Kind == ItemKind.Veto ? StatementRule.Veto
                    : entry.Value.AfterReminder && version?.DoubleAfterReminder == true ? StatementRule.DoubledAfterReminder
                    : StatementRule.Counted;
                break;
        }
        var date = entry?.OccurredOn ?? (rule == StatementRule.ThresholdShortfall ? period.End : period.Start);
        return new StatementLine
        {
            Entry = entry,
            Date = date,
            ItemCode = ruleItem.Code,
            ItemName = ruleItem.Name,
            CategoryCode = book.Categories[category].Code,
            Worth = outcome.Worth,
            Counted = outcome.Counted,
            Outcome = outcome.Outcome,
            Rule = rule,
            Cap = cap,
            CapOf = capOf,
            Explanation = Explain(book, period, rule, outcome, cap, version, item, subject, replayed, entry),
        };
    }

    private static string Explain(RuleBook book, AssessmentPeriod period, StatementRule rule, EntryOutcome outcome, PointsCap? cap, RuleItemVersion? version, int item,
        AssessmentSubject subject, MemberAssessment replayed, AssessmentEntry? entry)
    {
        string capText = cap is null ? "" : $"{cap.Limit} 分（{(cap.Mode == CapMode.Clip ? "超出部分截去" : "超出则整笔不计")}）";
        switch (rule)
        {
            case StatementRule.AutomaticGrant:
                return version?.Period is PeriodKind stated && outcome.Worth != version.Points
                    ? $"系统自动计入的基础分（每{PeriodName(stated)} {version.Points} 分，按本期折算）"
                    : "系统自动计入的基础分";
            case StatementRule.ThresholdShortfall:
            {
                var threshold = version!.Threshold!;
                int counted = replayed.ItemCount(book.IndexOfItem(threshold.CountedItem));
                int expected = PeriodScaling.Scale(threshold.Expected, version.Period, period);
                string countedName = book.Items[book.IndexOfItem(threshold.CountedItem)].Name;
                return string.Create(CultureInfo.InvariantCulture,
                    $"「{countedName}」计 {counted} 次，低于应有 {expected} 次的 {threshold.MinimumRatio * 100m:0.##}%，扣分");
            }
            case StatementRule.DoubledAfterReminder:
                return "经提醒仍未办，加倍计分";
            case StatementRule.Veto:
                int? vetoCap = book.Stars?.VetoStarCap;
                return vetoCap is int starCap
                    ? string.Create(CultureInfo.InvariantCulture, $"否决项：不得评为优秀，分级星至多 {starCap} 颗（专项星和事件星照计）")
                    : "否决项：不得评为优秀（专项星和事件星照计）";
            case StatementRule.ClippedByItemCap:
                return $"本项上限 {capText}，只计入 {outcome.Counted} 分";
            case StatementRule.ClippedByCategoryCap:
                return $"「{book.Categories[book.ItemCategories[item]].Name}」分类上限 {capText}，只计入 {outcome.Counted} 分";
            case StatementRule.RefusedByItemCap:
                return $"已达本项上限 {capText}，不计分（仍计次数）";
            case StatementRule.RefusedByCategoryCap:
                return $"已达「{book.Categories[book.ItemCategories[item]].Name}」分类上限 {capText}，不计分（仍计次数）";
            case StatementRule.RefusedOncePerPeriod:
                return "本项每期只计一次，已计分值更高（同分取较早）的一次，本条不计";
            case StatementRule.IgnoredNotEligible:
                var kinds = book.VersionOn(item, entry!.Value.OccurredOn)!.EligibleKinds;
                return $"本项只适用于{string.Join("、", kinds.Select(KindName))}，{KindName(subject.Kind)}不计";
            case StatementRule.IgnoredBeforeEffectiveFrom:
                return $"早于本项生效日期 {book.Versions[item][0].EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}，不计";
            case StatementRule.IgnoredBadTier:
                return "所报等级不存在，不计";
            case StatementRule.IgnoredComputedItem:
                return "本项由系统计算，不能申报，不计";
            default:
                return version?.Kind switch
                {
                    ItemKind.Discretionary => $"审核酌情给分 {outcome.Counted} 分",
                    ItemKind.Tiered => $"按「{version.Tiers[entry!.Value.Tier].Code}」级计 {outcome.Counted} 分",
                    _ => "计入",
                };
        }
    }

    private static string PeriodName(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => "年",
        PeriodKind.Quarter => "季度",
        PeriodKind.Month => "月",
        _ => kind.ToString(),
    };

    private static string KindName(MemberKind kind) => kind switch
    {
        MemberKind.LongResident => "常住党员",
        MemberKind.InService => "在职党员",
        MemberKind.Mobile => "流动党员",
        _ => kind.ToString(),
    };

    private static StatementStars StarsOf(RuleBook book, MemberAssessment member)
    {
        var rules = book.Stars ?? new StarRules();
        var bands = StarCalculator.CheckBands(rules.Bands ?? [], "ruleBook");
        int before = StarCalculator.BandStars(member.Score, bands);
        int band = member.Vetoed && rules.VetoStarCap is int cap ? Math.Min(before, cap) : before;
        StarBand? next = bands.FirstOrDefault(b => b.Stars > before);
        var named = ImmutableArray.CreateBuilder<NamedStarProgress>();
        foreach (var star in rules.NamedStars ?? [])
        {
            var criterion = star.Criterion;
            Points have, need;
            if (criterion.Kind == StarCriterionKind.CategoryTotal)
            {
                have = member.CategoryTotal(book.IndexOfCategory(criterion.Code));
                need = criterion.MinimumTotal;
            }
            else
            {
                have = Points.FromUnits((long)member.ItemCount(book.IndexOfItem(criterion.Code)) * Points.UnitsPerPoint);
                need = Points.FromUnits((long)criterion.MinimumCount * Points.UnitsPerPoint);
            }
            bool earned = have >= need;
            named.Add(new NamedStarProgress(star.Code, star.Name, criterion, earned, have, earned ? Points.Zero : Points.FromUnits(need.Units - have.Units)));
        }
        int events = 0;
        foreach (int item in (rules.EventStarItems ?? []).Select(book.IndexOfItem).Distinct())
        {
            events = checked(events + member.ItemCount(item));
        }
        return new StatementStars
        {
            BandStars = band,
            BandStarsBeforeVeto = before,
            VetoStarCap = rules.VetoStarCap,
            NextBand = next,
            NextBandShortfall = next is null ? Points.Zero : Points.FromUnits(next.MinimumScore.Units - member.Score.Units),
            Named = named.ToImmutable(),
            EventStars = events,
        };
    }
}
