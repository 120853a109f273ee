using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck generators of hostile and careless input (恶意输入), for fuzzing any input surface of the library against
/// its <see cref="InputPolicy"/>: strings with NUL and other control characters, bidi controls, zero-width characters,
/// lone surrogates and 100,000 characters; numbers at and beyond every edge; dates at the ends of the calendar;
/// undefined enum values; unknown and edge locations. Mixed in are ordinary values (Chinese names, digits), so that
/// some calls get through and the success path is fuzzed too.
/// </summary>
/// <remarks>
/// A fuzzing property calls the library with these values and accepts two outcomes: success, or a
/// <see cref="GridGovernanceException"/> (<see cref="IsLibraryRefusal"/>); every other exception is a bug. Check too
/// that nothing was stored on a refusal. Every generator is cheap: the longest string is built once and shared.
/// </remarks>
public static class HostileInputs
{
    /// <summary>One sample of each character class the input policy refuses: NUL, a C0 and a C1 control, DEL, each bidi control, each zero-width character, a lone high and a lone low surrogate.</summary>
    public static IReadOnlyList<string> RefusedCharacters { get; } =
    [
        "\0", "\u0001", "\u001B", "\u007F", "\u0085", "\u009F",
        "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C",
        "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF",
        "\uD800", "\uDC00",
    ];

    /// <summary>Ordinary texts the policy allows (names, codes, an address, digits, a surrogate pair).</summary>
    public static IReadOnlyList<string> OrdinaryTexts { get; } =
    [
        "王小明", "西关社区", "parking", "a", "3号楼2单元", "13812345678", "emoji 😀", "O'Brien", "<b>&amp;</b>", "back\\slash",
    ];

    private static readonly string VeryLong = new('长', 100_000);

    /// <summary>
    /// Hostile strings: ordinary texts, empty and blank ones, each refused character alone or inside an ordinary text,
    /// tab and line breaks, texts just over the policy's limits, and one of 100,000 characters.
    /// </summary>
    public static Gen<string> Strings() =>
        Gen.Frequency(
            (3, Gen.Elements(OrdinaryTexts.ToArray())),
            (1, Gen.Elements("", " ", "\u3000", "\t", "line\nbreak", "cr\rhere")),
            (3, from text in Gen.Elements(OrdinaryTexts.ToArray())
                from bad in Gen.Elements(RefusedCharacters.ToArray())
                from at in Gen.Choose(0, text.Length)
                select text.Insert(at, bad)),
            (1, Gen.Elements(
                new string('x', InputPolicy.MaxKeyLength + 1),
                new string('名', InputPolicy.MaxNameLength + 1),
                new string('址', InputPolicy.MaxAddressLength + 1),
                new string('文', InputPolicy.MaxFreeTextLength + 1),
                VeryLong)));

    /// <summary>Like <see cref="Strings"/>, and <see langword="null"/> one time in ten (for optional and careless required fields).</summary>
    public static Gen<string?> NullableStrings() =>
        Gen.Frequency((9, Strings().Select(s => (string?)s)), (1, Gen.Constant((string?)null)));

    /// <summary>Whole numbers: the edges of <see cref="int"/>, −1, 0, 1, the policy's limits and one past them, and small random ones.</summary>
    public static Gen<int> Ints() =>
        Gen.Frequency(
            (2, Gen.Elements(int.MinValue, -1, 0, 1, 2, int.MaxValue, InputPolicy.MaxClaimantsRequired, InputPolicy.MaxClaimantsRequired + 1,
                InputPolicy.MaxCapacity, InputPolicy.MaxCapacity + 1, 20_000_000)),
            (1, Gen.Choose(-5, 50)));

    /// <summary>Decimals: 0, ±1, a value with more than four places, the policy's multiplier limit and one past it, 1e20 and the edges of <see cref="decimal"/>.</summary>
    public static Gen<decimal> Decimals() =>
        Gen.Elements(0m, 1m, -1m, 0.5m, 0.00001m, InputPolicy.MaxKindMultiplier, InputPolicy.MaxKindMultiplier + 0.0001m, 1e20m, decimal.MaxValue, decimal.MinValue);

    /// <summary>Amounts of points: zero, ±1, a million (the most one occurrence may be worth) and one unit past it, and the edges of <see cref="Points"/>.</summary>
    public static Gen<Points> PointsAmounts() =>
        Gen.Elements(Points.Zero, Points.From(1), Points.From(-1), Points.From(1_000_000), Points.From(1_000_000) + Points.FromUnits(1),
            Points.FromUnits(long.MaxValue), Points.FromUnits(long.MinValue), Points.FromUnits(1));

    /// <summary>Dates: the ends of the ISO calendar, years 1 and 9999, and ordinary days around <paramref name="around"/>.</summary>
    /// <param name="around">An ordinary day (the test's today).</param>
    public static Gen<LocalDate> Dates(LocalDate around) =>
        Gen.Frequency(
            (1, Gen.Elements(LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(1, 1, 1), new LocalDate(9999, 12, 31))),
            (3, Gen.Choose(-400, 400).Select(around.PlusDays)));

    /// <summary>Every defined value of <typeparamref name="TEnum"/>, and undefined ones (−1, 99, <see cref="int.MaxValue"/>).</summary>
    /// <typeparam name="TEnum">An enum over <see cref="int"/>.</typeparam>
    public static Gen<TEnum> EnumValues<TEnum>()
        where TEnum : struct, Enum =>
        Gen.Frequency(
            (3, Gen.Elements(Enum.GetValues<TEnum>())),
            (1, Gen.Elements(-1, 99, int.MaxValue).Select(v => (TEnum)Enum.ToObject(typeof(TEnum), v))));

    /// <summary>Locations: <see cref="GeoPoint.Unknown"/>, (0, 0), the poles, both sides of the antimeridian and ordinary points in China.</summary>
    public static Gen<GeoPoint> Locations() =>
        Gen.Frequency(
            (1, Gen.Elements(GeoPoint.Unknown, new GeoPoint(0, 0), new GeoPoint(90, 0), new GeoPoint(-90, 180), new GeoPoint(0, 179.999), new GeoPoint(0, -179.999))),
            (3, from lat in Gen.Choose(0, 1000) from lon in Gen.Choose(0, 1000) select new GeoPoint(23.3 + (lat / 10_000.0), 116.6 + (lon / 10_000.0))));

    /// <summary>
    /// Whether <paramref name="exception"/> is how the library refuses input: a <see cref="GridGovernanceException"/>
    /// with a code, and, for a <see cref="GridGovernanceValidationException"/>, every problem naming a field.
    /// </summary>
    /// <param name="exception">What a call threw.</param>
    /// <returns><see langword="false"/> for any other exception (a raw .NET exception is a bug).</returns>
    public static bool IsLibraryRefusal(Exception exception) => exception switch
    {
        GridGovernanceValidationException v => v.Problems.Count > 0 && v.Problems.All(p => !string.IsNullOrEmpty(p.Field) && !string.IsNullOrEmpty(p.Rule)),
        GridGovernanceException g => !string.IsNullOrEmpty(g.Code),
        _ => false,
    };
}
