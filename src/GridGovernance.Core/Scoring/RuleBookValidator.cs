using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>Checks a rule book definition and lists every problem.</summary>
internal static class RuleBookValidator
{
    internal static IReadOnlyList<ValidationProblem> Validate(RuleBookDefinition d)
    {
        var problems = new List<ValidationProblem>();
        void Add(string field, string? key, string message, string rule = ErrorCodes.InvalidRuleBook) => problems.Add(new(field, key, rule, message));
        void Check(ValidationProblem? problem)
        {
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (string.IsNullOrWhiteSpace(d.Id))
        {
            Add("Id", null, "Id must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(d.Name))
        {
            Add("Name", null, "Name must not be empty.");
        }
        Check(InputPolicy.CheckText(d.Id, "Id", null, InputPolicy.MaxKeyLength, required: false));
        Check(InputPolicy.CheckText(d.Name, "Name", null, InputPolicy.MaxNameLength, required: false));
        if (d.Version < 1)
        {
            Add("Version", null, $"Version must be 1 or more; it was {d.Version}.");
        }

        var categories = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < (d.Categories?.Count ?? 0); i++)
        {
            var c = d.Categories![i];
            string field = $"Categories[{i}]";
            if (c is null || string.IsNullOrWhiteSpace(c.Code))
            {
                Add(field + ".Code", null, "A category needs a code.");
                continue;
            }
            Check(InputPolicy.CheckText(c.Code, field + ".Code", null, InputPolicy.MaxKeyLength));
            Check(InputPolicy.CheckText(c.Name, field + ".Name", c.Code, InputPolicy.MaxNameLength, required: false));
            if (!categories.Add(c.Code))
            {
                Add(field + ".Code", c.Code, $"Category '{c.Code}' is defined twice.", ErrorCodes.DuplicateId);
            }
            CheckCap(c.Cap, field + ".Cap", c.Code, Add);
            CheckPeriod(c.Period, field + ".Period", c.Code, Add);
        }

        var items = new HashSet<string>(StringComparer.Ordinal);
        var allItems = (d.Items ?? []).Where(i => i is not null && !string.IsNullOrWhiteSpace(i.Code)).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < (d.Items?.Count ?? 0); i++)
        {
            var item = d.Items![i];
            string field = $"Items[{i}]";
            if (item is null || string.IsNullOrWhiteSpace(item.Code))
            {
                Add(field + ".Code", null, "An item needs a code.");
                continue;
            }
            Check(InputPolicy.CheckText(item.Code, field + ".Code", null, InputPolicy.MaxKeyLength));
            Check(InputPolicy.CheckText(item.Name, field + ".Name", item.Code, InputPolicy.MaxNameLength, required: false));
            if (!items.Add(item.Code))
            {
                Add(field + ".Code", item.Code, $"Item '{item.Code}' is defined twice.", ErrorCodes.DuplicateId);
            }
            if (!categories.Contains(item.Category ?? ""))
            {
                Add(field + ".Category", item.Code, $"Item '{item.Code}' names category '{item.Category}', which the rule book does not define.", ErrorCodes.UnknownReference);
            }
            if (item.Versions is null || item.Versions.Count == 0)
            {
                Add(field + ".Versions", item.Code, $"Item '{item.Code}' needs at least one version.");
                continue;
            }
            var dates = new HashSet<NodaTime.LocalDate>();
            for (int v = 0; v < item.Versions.Count; v++)
            {
                var version = item.Versions[v];
                string vf = $"{field}.Versions[{v}]";
                if (version is null)
                {
                    Add(vf, item.Code, "A version must not be null.");
                    continue;
                }
                if (!dates.Add(version.EffectiveFrom))
                {
                    Add(vf + ".EffectiveFrom", item.Code, $"Two versions of '{item.Code}' take effect on {version.EffectiveFrom:yyyy-MM-dd}.");
                }
                CheckVersion(version, vf, item.Code, allItems, Add);
            }
        }

        foreach (var (kind, multiplier) in d.KindMultipliers ?? new Dictionary<MemberKind, decimal>())
        {
            if (!Enum.IsDefined(kind))
            {
                Add($"KindMultipliers[{(int)kind}]", ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture), $"{(int)kind} is not a member kind.");
            }
            if (multiplier < 0)
            {
                Add($"KindMultipliers[{kind}]", kind.ToString(), $"The multiplier of {kind} must not be negative; it was {multiplier}.");
            }
            else
            {
                Check(InputPolicy.CheckRange(multiplier, 0m, InputPolicy.MaxKindMultiplier, $"KindMultipliers[{kind}]", kind.ToString()));
            }
        }
        CheckStars(d.Stars ?? new StarRules(), categories, allItems, Add);
        return problems;
    }

    private static void CheckPeriod(PeriodKind? period, string field, string key, Action<string, string?, string, string> add)
    {
        if (period is PeriodKind p && (!Enum.IsDefined(p) || p == PeriodKind.Custom))
        {
            add(field, key, $"A rule's period must be Year, Quarter or Month (or none for the period assessed); it was {p}.", ErrorCodes.InvalidRuleBook);
        }
    }

    private static void CheckCap(PointsCap? cap, string field, string key, Action<string, string?, string, string> add)
    {
        if (cap is not null && !cap.Limit.IsPositive)
        {
            add(field + ".Limit", key, $"A cap must be positive; it was {cap.Limit}.", ErrorCodes.InvalidRuleBook);
        }
        else if (cap is not null && cap.Limit > Points.From((int)MaximumCapPoints))
        {
            add(field + ".Limit", key, $"A cap must be at most {MaximumCapPoints:N0} points; it was {cap.Limit}.", ErrorCodes.OutOfRange);
        }
        if (cap is not null && !Enum.IsDefined(cap.Mode))
        {
            add(field + ".Mode", key, $"Cap mode {(int)cap.Mode} is neither Clip nor Refuse.", ErrorCodes.InvalidRuleBook);
        }
    }

    /// <summary>The most points one occurrence may be worth either way (keeps every engine sum exact).</summary>
    internal const long MaximumOccurrencePoints = 1_000_000;

    /// <summary>The largest cap of a category or an item, in points (100,000,000).</summary>
    internal const long MaximumCapPoints = 100_000_000;

    /// <summary>The most occurrences a threshold rule may expect (1,000,000).</summary>
    internal const int MaximumThresholdExpected = 1_000_000;

    private static void CheckVersion(RuleItemVersion v, string field, string code, HashSet<string> items, Action<string, string?, string, string> add)
    {
        void Add(string f, string message) => add(field + f, code, message, ErrorCodes.InvalidRuleBook);
        CheckCap(v.Cap, field + ".Cap", code, add);
        CheckPeriod(v.Period, field + ".Period", code, add);
        if (v.EligibleKinds is null)
        {
            Add(".EligibleKinds", "EligibleKinds must not be null; leave it empty for every kind.");
        }
        else
        {
            foreach (var kind in v.EligibleKinds.Where(k => !Enum.IsDefined(k)))
            {
                Add(".EligibleKinds", $"EligibleKinds holds {(int)kind}, which is not a member kind.");
            }
        }
        if (v.Tiers is null)
        {
            Add(".Tiers", "Tiers must not be null; leave it empty for an item that is not tiered.");
        }
        var limit = Points.From((int)MaximumOccurrencePoints);
        foreach (var (name, points) in new[] { ("Points", (Points?)v.Points), ("Minimum", v.Minimum), ("Maximum", v.Maximum) }
                     .Concat((v.Tiers ?? []).Select((t, i) => ($"Tiers[{i}].Points", t?.Points))))
        {
            if (points is Points p && (p > limit || p < -limit))
            {
                Add("." + name, $"{name} ({p}) is beyond ±{MaximumOccurrencePoints:N0} points, the most one occurrence may be worth.");
            }
        }
        switch (v.Kind)
        {
            case ItemKind.Fixed:
            case ItemKind.AutomaticGrant:
                if (!v.Points.IsPositive)
                {
                    Add(".Points", $"A {v.Kind} item awards positive points; it was {v.Points}.");
                }
                break;
            case ItemKind.Deduction:
            case ItemKind.Threshold:
                if (!v.Points.IsNegative)
                {
                    Add(".Points", $"A {v.Kind} item takes points, so its points must be negative; it was {v.Points}.");
                }
                break;
            case ItemKind.Veto:
                if (v.Points.IsPositive)
                {
                    Add(".Points", $"A veto item cannot award points; it was {v.Points}.");
                }
                break;
            case ItemKind.Discretionary:
                if (v.Minimum is null || v.Maximum is null)
                {
                    Add(".Minimum", "A discretionary item needs a Minimum and a Maximum.");
                }
                else if (v.Minimum.Value > v.Maximum.Value)
                {
                    Add(".Maximum", $"Maximum ({v.Maximum}) is below Minimum ({v.Minimum}).");
                }
                break;
            case ItemKind.Tiered:
                if (v.Tiers is null || v.Tiers.Count == 0)
                {
                    Add(".Tiers", "A tiered item needs at least one tier.");
                }
                else
                {
                    foreach (var duplicate in v.Tiers.GroupBy(t => t?.Code ?? "", StringComparer.Ordinal).Where(g => g.Count() > 1))
                    {
                        Add(".Tiers", $"Tier '{duplicate.Key}' overlaps: it is defined {duplicate.Count()} times.");
                    }
                    if (v.Tiers.Any(t => t is null || string.IsNullOrWhiteSpace(t.Code)))
                    {
                        Add(".Tiers", "Every tier needs a code.");
                    }
                    for (int i = 0; i < v.Tiers.Count; i++)
                    {
                        if (v.Tiers[i] is { } tier && InputPolicy.CheckText(tier.Code, $"{field}.Tiers[{i}].Code", code, InputPolicy.MaxKeyLength, required: false) is { } problem)
                        {
                            add(problem.Field, code, problem.Message, problem.Rule);
                        }
                    }
                }
                break;
            default:
                Add(".Kind", $"Unknown item kind {(int)v.Kind}.");
                break;
        }
        if (v.Kind == ItemKind.Threshold)
        {
            if (v.Threshold is null)
            {
                Add(".Threshold", "A threshold item needs a Threshold rule.");
            }
            else
            {
                if (!items.Contains(v.Threshold.CountedItem ?? ""))
                {
                    add(field + ".Threshold.CountedItem", code, $"The threshold counts item '{v.Threshold.CountedItem}', which the rule book does not define.", ErrorCodes.UnknownReference);
                }
                if (v.Threshold.Expected <= 0)
                {
                    Add(".Threshold.Expected", $"Expected must be positive; it was {v.Threshold.Expected}.");
                }
                else if (v.Threshold.Expected > MaximumThresholdExpected)
                {
                    add(field + ".Threshold.Expected", code, $"Expected must be at most {MaximumThresholdExpected:N0}; it was {v.Threshold.Expected}.", ErrorCodes.OutOfRange);
                }
                if (v.Threshold.MinimumRatio <= 0 || v.Threshold.MinimumRatio > 1)
                {
                    Add(".Threshold.MinimumRatio", $"MinimumRatio must be above 0 and at most 1; it was {v.Threshold.MinimumRatio}.");
                }
            }
        }
    }

    private static void CheckStars(StarRules stars, HashSet<string> categories, HashSet<string> items, Action<string, string?, string, string> add)
    {
        var bands = stars.Bands ?? [];
        for (int i = 0; i < bands.Count; i++)
        {
            if (bands[i] is null || bands[i].Stars < 1)
            {
                add($"Stars.Bands[{i}].Stars", null, "A band gives at least one star.", ErrorCodes.InvalidRuleBook);
            }
        }
        var ordered = bands.Where(b => b is not null).OrderBy(b => b.Stars).ToList();
        for (int i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Stars == ordered[i - 1].Stars)
            {
                add("Stars.Bands", ordered[i].Stars.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Two bands give {ordered[i].Stars} stars.", ErrorCodes.InvalidRuleBook);
            }
            else if (ordered[i].MinimumScore <= ordered[i - 1].MinimumScore)
            {
                add("Stars.Bands", ordered[i].Stars.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"The {ordered[i].Stars}-star band starts at {ordered[i].MinimumScore}, not above the {ordered[i - 1].Stars}-star band ({ordered[i - 1].MinimumScore}); bands overlap.", ErrorCodes.InvalidRuleBook);
            }
        }
        var named = stars.NamedStars ?? [];
        if (named.Count > 12)
        {
            add("Stars.NamedStars", null, $"At most twelve named stars (十二星级); {named.Count} given.", ErrorCodes.InvalidRuleBook);
        }
        for (int i = 0; i < named.Count; i++)
        {
            var star = named[i];
            string field = $"Stars.NamedStars[{i}]";
            if (star?.Criterion is null)
            {
                add(field, star?.Code, "A named star needs a criterion.", ErrorCodes.InvalidRuleBook);
                continue;
            }
            if (!Enum.IsDefined(star.Criterion.Kind))
            {
                add(field + ".Criterion.Kind", star.Code, $"Criterion kind {(int)star.Criterion.Kind} is neither CategoryTotal nor ItemCount.", ErrorCodes.InvalidRuleBook);
                continue;
            }
            bool known = star.Criterion.Kind == StarCriterionKind.CategoryTotal ? categories.Contains(star.Criterion.Code ?? "") : items.Contains(star.Criterion.Code ?? "");
            if (!known)
            {
                add(field + ".Criterion.Code", star.Code, $"Star '{star.Code}' names {(star.Criterion.Kind == StarCriterionKind.CategoryTotal ? "category" : "item")} '{star.Criterion.Code}', which the rule book does not define.", ErrorCodes.UnknownReference);
            }
        }
        foreach (var (code, i) in (stars.EventStarItems ?? []).Select((c, i) => (c, i)))
        {
            if (!items.Contains(code ?? ""))
            {
                add($"Stars.EventStarItems[{i}]", code, $"Event stars name item '{code}', which the rule book does not define.", ErrorCodes.UnknownReference);
            }
        }
        if (stars.VetoStarCap is < 0)
        {
            add("Stars.VetoStarCap", null, $"VetoStarCap must not be negative; it was {stars.VetoStarCap}.", ErrorCodes.InvalidRuleBook);
        }
    }
}
