using System.Text.Json;
using GridGovernance.Organisation;
using NodaTime;
using NodaTime.Text;

namespace GridGovernance.Scoring;

/// <summary>
/// Maps a parsed JSON document onto a <see cref="RuleBookDefinition"/> by hand, so that every shape problem is
/// reported at once with its JSON path, unknown members (typos) are refused, and no reflection is involved.
/// </summary>
internal sealed class RuleBookJsonReader
{
    internal const string What = "The rule book JSON";

    // Above this a value would not fit Points (units are a long, kept to half its range so sums cannot overflow).
    private const decimal LargestPoints = long.MaxValue / 2 / Points.UnitsPerPoint;

    private readonly List<ValidationProblem> problems = [];

    private RuleBookJsonReader()
    {
    }

    /// <summary>Reads the definition, or throws listing every shape problem.</summary>
    internal static RuleBookDefinition Read(JsonElement root)
    {
        var reader = new RuleBookJsonReader();
        var definition = reader.Book(root, "$");
        if (reader.problems.Count > 0 || definition is null)
        {
            throw new GridGovernanceValidationException(What, reader.problems);
        }
        return definition;
    }

    private RuleBookDefinition? Book(JsonElement e, string path)
    {
        var o = Object(e, path, "A rule book", "id", "version", "name", "categories", "items", "kindMultipliers", "stars");
        if (o is null)
        {
            return null;
        }
        string? id = StringMember(o, path, "id", required: true);
        int? version = IntMember(o, path, "version", required: false);
        string? name = StringMember(o, path, "name", required: true);
        var categories = ListMember(o, path, "categories", required: false, Category);
        var items = ListMember(o, path, "items", required: false, Item);
        var multipliers = KindMultipliers(o, path);
        var stars = TryGet(o, path, "stars", required: false, out var s) ? Stars(s, Child(path, "stars")) : new StarRules();
        return new RuleBookDefinition
        {
            Id = id ?? "",
            Version = version ?? 1,
            Name = name ?? "",
            Categories = categories,
            Items = items,
            KindMultipliers = multipliers,
            Stars = stars ?? new StarRules(),
        };
    }

    private ScoreCategory? Category(JsonElement e, string path)
    {
        var o = Object(e, path, "A category", "code", "name", "cap", "period");
        if (o is null)
        {
            return null;
        }
        return new ScoreCategory(StringMember(o, path, "code", required: true) ?? "", StringMember(o, path, "name", required: true) ?? "", Cap(o, path))
        {
            Period = EnumMember<PeriodKind>(o, path, "period", required: false),
        };
    }

    private RuleItem? Item(JsonElement e, string path)
    {
        var o = Object(e, path, "An item", "code", "category", "name", "versions");
        if (o is null)
        {
            return null;
        }
        string? code = StringMember(o, path, "code", required: true);
        string? category = StringMember(o, path, "category", required: true);
        string? name = StringMember(o, path, "name", required: true);
        var versions = ListMember(o, path, "versions", required: true, ItemVersion);
        return new RuleItem(code ?? "", category ?? "", name ?? "", versions);
    }

    private RuleItemVersion? ItemVersion(JsonElement e, string path)
    {
        var o = Object(e, path, "An item version", "effectiveFrom", "kind", "points", "minimum", "maximum", "cap", "oncePerPeriod", "doubleAfterReminder", "eligibleKinds", "tiers", "threshold", "period");
        if (o is null)
        {
            return null;
        }
        var effectiveFrom = DateMember(o, path, "effectiveFrom", required: true);
        var kind = EnumMember<ItemKind>(o, path, "kind", required: true);
        var points = PointsMember(o, path, "points", required: false);
        var minimum = PointsMember(o, path, "minimum", required: false);
        var maximum = PointsMember(o, path, "maximum", required: false);
        var cap = Cap(o, path);
        bool once = BoolMember(o, path, "oncePerPeriod");
        bool doubled = BoolMember(o, path, "doubleAfterReminder");
        List<MemberKind> kinds = [.. ListMember(o, path, "eligibleKinds", required: false, EnumValue<MemberKind>).OfType<MemberKind>()];
        var tiers = ListMember(o, path, "tiers", required: false, Tier);
        var threshold = TryGet(o, path, "threshold", required: false, out var t) ? Threshold(t, Child(path, "threshold")) : null;
        var period = EnumMember<PeriodKind>(o, path, "period", required: false);
        return new RuleItemVersion
        {
            EffectiveFrom = effectiveFrom ?? default,
            Kind = kind ?? default,
            Points = points ?? Points.Zero,
            Minimum = minimum,
            Maximum = maximum,
            Cap = cap,
            OncePerPeriod = once,
            DoubleAfterReminder = doubled,
            EligibleKinds = kinds,
            Tiers = tiers,
            Threshold = threshold,
            Period = period,
        };
    }

    private PenaltyTier? Tier(JsonElement e, string path)
    {
        var o = Object(e, path, "A tier", "code", "points");
        if (o is null)
        {
            return null;
        }
        return new PenaltyTier(StringMember(o, path, "code", required: true) ?? "", PointsMember(o, path, "points", required: true) ?? Points.Zero);
    }

    private ThresholdRule? Threshold(JsonElement e, string path)
    {
        var o = Object(e, path, "A threshold rule", "countedItem", "expected", "minimumRatio");
        if (o is null)
        {
            return null;
        }
        return new ThresholdRule(
            StringMember(o, path, "countedItem", required: true) ?? "",
            IntMember(o, path, "expected", required: true) ?? 0,
            DecimalMember(o, path, "minimumRatio", required: true) ?? 0m);
    }

    private PointsCap? Cap(Dictionary<string, JsonElement> parent, string parentPath)
    {
        if (!TryGet(parent, parentPath, "cap", required: false, out var e))
        {
            return null;
        }
        string path = Child(parentPath, "cap");
        var o = Object(e, path, "A cap", "limit", "mode");
        if (o is null)
        {
            return null;
        }
        var limit = PointsMember(o, path, "limit", required: true);
        var mode = EnumMember<CapMode>(o, path, "mode", required: false);
        return new PointsCap(limit ?? Points.Zero, mode ?? CapMode.Clip);
    }

    private Dictionary<MemberKind, decimal> KindMultipliers(Dictionary<string, JsonElement> parent, string parentPath)
    {
        var result = new Dictionary<MemberKind, decimal>();
        if (!TryGet(parent, parentPath, "kindMultipliers", required: false, out var e))
        {
            return result;
        }
        string path = Child(parentPath, "kindMultipliers");
        if (e.ValueKind != JsonValueKind.Object)
        {
            Problem(path, $"Expected an object of multipliers keyed by member kind ({RuleBookJsonNames.Allowed<MemberKind>()}); found {Describe(e)}.");
            return result;
        }
        foreach (var property in e.EnumerateObject())
        {
            if (!HasReadableName(property, path))
            {
                continue;
            }
            string field = Child(path, property.Name);
            if (!RuleBookJsonNames.TryParse<MemberKind>(property.Name, out var kind))
            {
                Problem(field, $"'{property.Name}' is not a member kind; expected one of {RuleBookJsonNames.Allowed<MemberKind>()}.");
                continue;
            }
            if (DecimalValue(property.Value, field) is decimal multiplier && !result.TryAdd(kind, multiplier))
            {
                Problem(field, $"The multiplier of {RuleBookJsonNames.Of(kind)} is given twice.");
            }
        }
        return result;
    }

    private StarRules? Stars(JsonElement e, string path)
    {
        var o = Object(e, path, "The star rules", "bands", "namedStars", "eventStarItems", "vetoStarCap");
        if (o is null)
        {
            return null;
        }
        return new StarRules
        {
            Bands = ListMember(o, path, "bands", required: false, Band),
            NamedStars = ListMember(o, path, "namedStars", required: false, NamedStar),
            EventStarItems = ListMember(o, path, "eventStarItems", required: false, StringValue),
            VetoStarCap = IntMember(o, path, "vetoStarCap", required: false),
        };
    }

    private StarBand? Band(JsonElement e, string path)
    {
        var o = Object(e, path, "A star band", "stars", "minimumScore");
        if (o is null)
        {
            return null;
        }
        return new StarBand(IntMember(o, path, "stars", required: true) ?? 0, PointsMember(o, path, "minimumScore", required: true) ?? Points.Zero);
    }

    private NamedStar? NamedStar(JsonElement e, string path)
    {
        var o = Object(e, path, "A named star", "code", "name", "criterion");
        if (o is null)
        {
            return null;
        }
        string? code = StringMember(o, path, "code", required: true);
        string? name = StringMember(o, path, "name", required: true);
        StarCriterion? criterion = null;
        if (TryGet(o, path, "criterion", required: true, out var c))
        {
            string cpath = Child(path, "criterion");
            var co = Object(c, cpath, "A star criterion", "kind", "code", "minimumTotal", "minimumCount");
            if (co is not null)
            {
                criterion = new StarCriterion(
                    EnumMember<StarCriterionKind>(co, cpath, "kind", required: true) ?? default,
                    StringMember(co, cpath, "code", required: true) ?? "",
                    PointsMember(co, cpath, "minimumTotal", required: false) ?? Points.Zero,
                    IntMember(co, cpath, "minimumCount", required: false) ?? 0);
            }
        }
        return new NamedStar(code ?? "", name ?? "", criterion!);
    }


    /// <summary>The members of an object, after refusing unknown and repeated ones; null (reported) when not an object.</summary>
    private Dictionary<string, JsonElement>? Object(JsonElement e, string path, string what, params ReadOnlySpan<string> names)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Problem(path, $"Expected {char.ToLowerInvariant(what[0])}{what[1..]} (a JSON object); found {Describe(e)}.");
            return null;
        }
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in e.EnumerateObject())
        {
            if (!HasReadableName(property, path))
            {
                continue;
            }
            string field = Child(path, property.Name);
            if (!names.Contains(property.Name))
            {
                string? near = null;
                foreach (var name in names)
                {
                    if (string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        near = name;
                    }
                }
                Problem(field, near is null
                    ? $"{what} has no member '{property.Name}'; it may have {string.Join(", ", names.ToArray())}."
                    : $"{what} has no member '{property.Name}'; names are camelCase: did you mean '{near}'?");
            }
            else if (!members.TryAdd(property.Name, property.Value))
            {
                Problem(field, $"'{property.Name}' is given twice.");
            }
        }
        return members;
    }

    /// <summary>Gets a member that is present and not null, reporting a required one that is missing.</summary>
    private bool TryGet(Dictionary<string, JsonElement> o, string path, string name, bool required, out JsonElement value)
    {
        if (o.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        if (required)
        {
            Problem(Child(path, name), $"'{name}' is required.");
        }
        return false;
    }

    private string? StringMember(Dictionary<string, JsonElement> o, string path, string name, bool required) =>
        TryGet(o, path, name, required, out var e) ? StringValue(e, Child(path, name)) : null;

    private int? IntMember(Dictionary<string, JsonElement> o, string path, string name, bool required)
    {
        if (!TryGet(o, path, name, required, out var e))
        {
            return null;
        }
        if (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value))
        {
            return value;
        }
        Problem(Child(path, name), $"Expected a whole number; found {Describe(e)}.");
        return null;
    }

    private bool BoolMember(Dictionary<string, JsonElement> o, string path, string name)
    {
        if (!TryGet(o, path, name, required: false, out var e))
        {
            return false;
        }
        if (e.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return e.GetBoolean();
        }
        Problem(Child(path, name), $"Expected true or false; found {Describe(e)}.");
        return false;
    }

    private decimal? DecimalMember(Dictionary<string, JsonElement> o, string path, string name, bool required) =>
        TryGet(o, path, name, required, out var e) ? DecimalValue(e, Child(path, name)) : null;

    private Points? PointsMember(Dictionary<string, JsonElement> o, string path, string name, bool required)
    {
        if (!TryGet(o, path, name, required, out var e))
        {
            return null;
        }
        string field = Child(path, name);
        if (DecimalValue(e, field) is not decimal value)
        {
            return null;
        }
        if (decimal.Round(value, 4) != value)
        {
            Problem(field, $"Points have at most four decimal places; {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} has more.");
            return null;
        }
        if (Math.Abs(value) > LargestPoints)
        {
            Problem(field, $"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is too large for points.");
            return null;
        }
        return Points.From(value);
    }

    private LocalDate? DateMember(Dictionary<string, JsonElement> o, string path, string name, bool required)
    {
        if (!TryGet(o, path, name, required, out var e))
        {
            return null;
        }
        string field = Child(path, name);
        if (StringValue(e, field) is not string text)
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }
        Problem(field, $"Expected a date as yyyy-MM-dd; '{text}' is not one.");
        return null;
    }

    private TEnum? EnumMember<TEnum>(Dictionary<string, JsonElement> o, string path, string name, bool required)
        where TEnum : struct, Enum =>
        TryGet(o, path, name, required, out var e) ? EnumValue<TEnum>(e, Child(path, name)) : null;

    /// <summary>An array member, read element by element; elements that fail are reported and left out.</summary>
    private List<T> ListMember<T>(Dictionary<string, JsonElement> o, string path, string name, bool required, Func<JsonElement, string, T?> read)
    {
        var result = new List<T>();
        if (!TryGet(o, path, name, required, out var e))
        {
            return result;
        }
        string field = Child(path, name);
        if (e.ValueKind != JsonValueKind.Array)
        {
            Problem(field, $"Expected an array; found {Describe(e)}.");
            return result;
        }
        int i = 0;
        foreach (var element in e.EnumerateArray())
        {
            string elementPath = $"{field}[{i++}]";
            if (element.ValueKind == JsonValueKind.Null)
            {
                Problem(elementPath, "An element must not be null.");
            }
            else if (read(element, elementPath) is T value)
            {
                result.Add(value);
            }
        }
        return result;
    }


    private string? StringValue(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            string? text;
            try
            {
                text = e.GetString();
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") parses but is no string.
                problems.Add(new ValidationProblem(path, null, ErrorCodes.ForbiddenCharacter, "The string holds an unpaired surrogate, which is not text."));
                return null;
            }
            if (text is not null && InputPolicy.FindForbidden(text) is int at and >= 0)
            {
                problems.Add(new ValidationProblem(path, null, ErrorCodes.ForbiddenCharacter,
                    $"The string holds U+{(int)text[at]:X4} at position {at}; control, bidi, zero-width characters and unpaired surrogates are refused."));
                return null;
            }
            return text;
        }
        Problem(path, $"Expected a string; found {Describe(e)}.");
        return null;
    }

    private decimal? DecimalValue(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Number && e.TryGetDecimal(out decimal value))
        {
            return value;
        }
        Problem(path, e.ValueKind == JsonValueKind.Number ? $"The number {e.GetRawText()} is out of range." : $"Expected a number; found {Describe(e)}.");
        return null;
    }

    private TEnum? EnumValue<TEnum>(JsonElement e, string path)
        where TEnum : struct, Enum
    {
        if (StringValue(e, path) is not string text)
        {
            return null;
        }
        if (RuleBookJsonNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        Problem(path, $"'{text}' is not a known {RuleBookJsonNames.Describe<TEnum>()}; expected one of {RuleBookJsonNames.Allowed<TEnum>()}.");
        return null;
    }

    /// <summary>Whether the member's name is text (an escaped lone surrogate is not); reports it when not.</summary>
    private bool HasReadableName(JsonProperty property, string path)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            problems.Add(new ValidationProblem(path, null, ErrorCodes.ForbiddenCharacter, "A member name holds an unpaired surrogate, which is not text."));
            return false;
        }
    }

    /// <summary>
    /// The JSON path of a field the rule book's validator names by its C# path: <c>Categories[1].Cap.Limit</c> is
    /// <c>$.categories[1].cap.limit</c>, <c>KindMultipliers[InService]</c> is <c>$.kindMultipliers.inService</c>.
    /// </summary>
    internal static string JsonPathOf(string field)
    {
        var builder = new System.Text.StringBuilder("$");
        foreach (var segment in field.Split('.'))
        {
            if (segment.Length == 0)
            {
                continue;
            }
            int bracket = segment.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? segment : segment[..bracket];
            string rest = bracket < 0 ? "" : segment[bracket..];
            builder.Append('.').Append(JsonNamingPolicy.CamelCase.ConvertName(name));
            if (name == "KindMultipliers" && rest.Length > 2 && Enum.TryParse<MemberKind>(rest[1..^1], out var kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(rest[1]))
            {
                builder.Append('.').Append(RuleBookJsonNames.Of(kind));
            }
            else
            {
                builder.Append(rest);
            }
        }
        return builder.ToString();
    }

    private void Problem(string field, string message) => problems.Add(new ValidationProblem(field, null, ErrorCodes.InvalidRuleBook, message));

    private static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Truncate(e.GetRawText())}",
        JsonValueKind.Number => $"the number {Truncate(e.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
