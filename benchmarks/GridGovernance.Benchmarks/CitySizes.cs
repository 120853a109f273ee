using GridGovernance.Testing;

namespace GridGovernance.Benchmarks;

/// <summary>
/// The city sizes a benchmark runs on. Real runs use the whole city; CI sets GG_BENCH_SIZES=community for a
/// quick smoke run (`--job Dry --inProcess`).
/// </summary>
public static class CitySizes
{
    public static IEnumerable<string> Names =>
        (Environment.GetEnvironmentVariable("GG_BENCH_SIZES") ?? "city").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static CitySize ByName(string name) => name switch
    {
        "community" => CitySize.Community,
        "street" => CitySize.Street,
        "district" => CitySize.District,
        "city" => CitySize.City,
        _ => throw new ArgumentException($"Unknown city size '{name}'; use community, street, district or city.", nameof(name)),
    };
}
