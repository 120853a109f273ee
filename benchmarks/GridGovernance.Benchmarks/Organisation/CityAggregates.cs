using GridGovernance.Organisation;
using GridGovernance.Testing;

namespace GridGovernance.Benchmarks.Organisation;

/// <summary>A generated city turned into aggregates once, shared by the hierarchy benchmarks.</summary>
internal sealed class CityAggregates
{
    private static readonly Dictionary<string, CityAggregates> Cache = [];

    private CityAggregates(GeneratedCity city)
    {
        City = city;
        Units = city.Roster.Units.Select(u => OrgUnit.Create(u, city.Date)).ToArray();
        Members = city.Roster.Members.Select(m => Member.Create(m, city.Date)).ToArray();
        Households = city.Roster.Households.Select(h => Household.Create(h, city.Date)).ToArray();
    }

    internal GeneratedCity City { get; }

    internal OrgUnit[] Units { get; }

    internal Member[] Members { get; }

    internal Household[] Households { get; }

    internal static CityAggregates For(string size)
    {
        if (!Cache.TryGetValue(size, out var city))
        {
            city = new CityAggregates(CityGenerator.Generate(CitySizes.ByName(size), seed: 42));
            Cache[size] = city;
        }
        return city;
    }
}
