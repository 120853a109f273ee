using System.Text.Json;

namespace GridGovernance.Scoring;

/// <summary>The JSON names of enum values: camelCase (<c>automaticGrant</c>, <c>inService</c>), read case-insensitively.</summary>
internal static class RuleBookJsonNames
{
    internal static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    /// <summary>Matches a name, ignoring case; numbers are refused, so an enum's values can be renumbered safely.</summary>
    internal static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The enum's name for people: <c>ItemKind</c> is "item kind".</summary>
    internal static string Describe<TEnum>()
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(typeof(TEnum).Name).Replace('_', ' ');

    internal static string Allowed<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(v => "\"" + Of(v) + "\""));
}
