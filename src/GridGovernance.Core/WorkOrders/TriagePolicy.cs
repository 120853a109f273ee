using System.Collections.Immutable;

namespace GridGovernance.WorkOrders;

/// <summary>
/// 三事分流: sorts matters by category and urgency (轻重缓急) into classes, each handled at a level with its own time
/// limit. Rules are tried in order and the first that matches wins; a matter no rule matches goes to the default class.
/// </summary>
/// <remarks>
/// The policy also holds the allow-list of category codes (<see cref="Categories"/>): the public board shows an order's
/// category only when it is one of them, and <see cref="OtherCategory"/> otherwise, never the filer's text.
/// </remarks>
[Immutable]
public sealed class TriagePolicy
{
    /// <summary>The category code the public board shows for a category that is not in <see cref="Categories"/>.</summary>
    public const string OtherCategory = "other";

    /// <summary>The longest category code, in characters.</summary>
    public const int MaxCategoryLength = 50;

    private readonly ImmutableDictionary<string, TriageClass> byCode;
    private readonly ImmutableHashSet<string> categorySet;

    /// <summary>
    /// Creates a policy, checking that codes are unique, every rule names a class and every category is a code.
    /// </summary>
    /// <param name="classes">The classes.</param>
    /// <param name="rules">The rules, first match wins.</param>
    /// <param name="defaultClass">The class of matters no rule matches.</param>
    /// <param name="categories">
    /// The category codes the public board may show, besides the rules' own categories and <see cref="OtherCategory"/>,
    /// which are always in <see cref="Categories"/>; <c>null</c> for none. A code is 1 to <see cref="MaxCategoryLength"/>
    /// letters, digits, <c>-</c>, <c>_</c> or <c>.</c> (<c>leak</c>, <c>building-safety</c>, <c>漏水</c>).
    /// </param>
    /// <exception cref="GridGovernanceValidationException">Code <see cref="ErrorCodes.WorkOrderInvalidPolicy"/>, with every problem.</exception>
    public TriagePolicy(IEnumerable<TriageClass> classes, IEnumerable<TriageRule> rules, string defaultClass, IEnumerable<string>? categories = null)
    {
        Classes = [.. Preconditions.CheckNotNull(classes)];
        Rules = [.. Preconditions.CheckNotNull(rules)];
        DefaultClass = Preconditions.CheckNotBlank(defaultClass);
        var problems = new List<ValidationProblem>();
        var known = ImmutableArray.CreateBuilder<string>();
        var seenCategories = new HashSet<string>(StringComparer.Ordinal);
        void AddCategory(string field, string? category)
        {
            if (!IsCategoryCode(category))
            {
                problems.Add(new(field, null, ErrorCodes.WorkOrderInvalidPolicy,
                    $"{field} must be a category code: 1 to {MaxCategoryLength} letters, digits, '-', '_' or '.'."));
            }
            else if (seenCategories.Add(category))
            {
                known.Add(category);
            }
        }
        var codes = new Dictionary<string, TriageClass>(StringComparer.Ordinal);
        for (int i = 0; i < Classes.Length; i++)
        {
            var c = Classes[i];
            string field = $"{nameof(classes)}[{i}]";
            if (c is null || string.IsNullOrWhiteSpace(c.Code))
            {
                problems.Add(new(field, null, ErrorCodes.WorkOrderInvalidPolicy, $"{field} must be a class with a code."));
                continue;
            }
            if (!codes.TryAdd(c.Code, c))
            {
                problems.Add(new(field + ".Code", c.Code, ErrorCodes.WorkOrderInvalidPolicy, $"Class code '{c.Code}' is used twice; codes must be unique."));
            }
            if (c.TimeLimitWorkingDays < 1)
            {
                problems.Add(new(field + ".TimeLimitWorkingDays", c.TimeLimitWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ErrorCodes.WorkOrderInvalidPolicy, $"Class '{c.Code}' must have a time limit of at least 1 working day."));
            }
            if (!Enum.IsDefined(c.Level))
            {
                problems.Add(new(field + ".Level", c.Level.ToString(), ErrorCodes.WorkOrderInvalidPolicy, $"Class '{c.Code}' has an undefined level."));
            }
        }
        for (int i = 0; i < Rules.Length; i++)
        {
            var r = Rules[i];
            string field = $"{nameof(rules)}[{i}]";
            if (r is null || !codes.ContainsKey(r.ClassCode ?? ""))
            {
                problems.Add(new(field + ".ClassCode", r?.ClassCode, ErrorCodes.WorkOrderInvalidPolicy, $"{field} must name one of the classes."));
            }
            if (r?.Category is not null)
            {
                AddCategory(field + ".Category", r.Category);
            }
        }
        int n = 0;
        foreach (var category in categories ?? [])
        {
            AddCategory($"{nameof(categories)}[{n++}]", category);
        }
        if (seenCategories.Add(OtherCategory))
        {
            known.Add(OtherCategory);
        }
        if (!codes.ContainsKey(DefaultClass))
        {
            problems.Add(new(nameof(defaultClass), DefaultClass, ErrorCodes.WorkOrderInvalidPolicy, $"defaultClass '{DefaultClass}' is not one of the classes."));
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The triage policy", problems);
        }
        byCode = codes.ToImmutableDictionary(StringComparer.Ordinal);
        Categories = known.ToImmutable();
        categorySet = [.. Categories];
    }

    /// <summary>
    /// Wanshan-style 三事分流: 小事 (<c>small</c>, grid, 3 working days), 难事 (<c>hard</c>, community, 5), 大事
    /// (<c>big</c>, street, 10) and 急事 (<c>critical</c>, street, 1). Critical matters are 急事, urgent ones 难事, and the
    /// categories <c>leak</c>, <c>building-safety</c> and <c>dispute</c> are 难事; everything else is 小事. The board shows
    /// those categories and <c>parking</c>, <c>sanitation</c>, <c>streetlight</c>, <c>noise</c>, <c>greening</c>,
    /// <c>facilities</c>, <c>elderly-care</c> and <c>other</c>.
    /// </summary>
    public static TriagePolicy Standard { get; } = new(
        [
            new("small", "小事（网格办理）", HandlingLevel.Grid, 3),
            new("hard", "难事（社区办理）", HandlingLevel.Community, 5),
            new("big", "大事（街道吹哨）", HandlingLevel.Street, 10),
            new("critical", "急事（即时处置）", HandlingLevel.Street, 1),
        ],
        [
            new(null, WorkOrderUrgency.Critical, "critical"),
            new(null, WorkOrderUrgency.Urgent, "hard"),
            new("leak", null, "hard"),
            new("building-safety", null, "hard"),
            new("dispute", null, "hard"),
        ],
        "small",
        ["parking", "sanitation", "streetlight", "noise", "greening", "facilities", "elderly-care"]);

    /// <summary>The classes.</summary>
    public ImmutableArray<TriageClass> Classes { get; }

    /// <summary>The rules, first match wins.</summary>
    public ImmutableArray<TriageRule> Rules { get; }

    /// <summary>The code of the class of matters no rule matches.</summary>
    public string DefaultClass { get; }

    /// <summary>
    /// The category codes the public board shows (the allow-list): the rules' categories, then the categories given,
    /// then <see cref="OtherCategory"/>, each once.
    /// </summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>
    /// The category as the public board shows it: the code itself when it is one of <see cref="Categories"/> (compared
    /// exactly, after trimming), <see cref="OtherCategory"/> otherwise. A filer's free text never comes through.
    /// </summary>
    /// <param name="category">The order's category.</param>
    /// <exception cref="ArgumentNullException"><paramref name="category"/> is null.</exception>
    public string PublicCategory(string category)
    {
        Preconditions.CheckNotNull(category);
        string code = category.Trim();
        return categorySet.TryGetValue(code, out var known) ? known : OtherCategory;
    }

    /// <summary>Whether a text is a category code: 1 to <see cref="MaxCategoryLength"/> letters, digits, '-', '_' or '.'.</summary>
    internal static bool IsCategoryCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) =>
        text is { Length: > 0 and <= MaxCategoryLength } && text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The class of a matter: the first rule that matches its category and urgency, else the default class.</summary>
    /// <param name="category">The category code.</param>
    /// <param name="urgency">The urgency.</param>
    public TriageClass Classify(string category, WorkOrderUrgency urgency)
    {
        Preconditions.CheckNotNull(category);
        foreach (var rule in Rules)
        {
            if ((rule.Category is null || string.Equals(rule.Category, category, StringComparison.Ordinal)) && (rule.Urgency is null || rule.Urgency == urgency))
            {
                return byCode[rule.ClassCode];
            }
        }
        return byCode[DefaultClass];
    }

    /// <summary>The class with the code given.</summary>
    /// <param name="code">The code.</param>
    /// <exception cref="KeyNotFoundException">There is no such class (the .NET convention for an indexer; <see cref="TryGetClass"/> does not throw).</exception>
    public TriageClass this[string code] => byCode[Preconditions.CheckNotNull(code)];

    /// <summary>Looks up the class with the code given.</summary>
    /// <param name="code">The code.</param>
    /// <param name="triageClass">The class, when found.</param>
    /// <returns>Whether the policy has such a class.</returns>
    public bool TryGetClass(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TriageClass? triageClass) =>
        byCode.TryGetValue(Preconditions.CheckNotNull(code), out triageClass);
}
