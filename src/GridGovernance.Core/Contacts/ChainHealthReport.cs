using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>Every broken link of a city's chains as of a date (链条体检).</summary>
/// <param name="AsOf">The date.</param>
/// <param name="UnitsWithoutAnswerer">Units without an answerer, by kind then id.</param>
/// <param name="HouseholdsWithoutContact">Households without a contact member, by id.</param>
[Immutable]
public sealed record ChainHealthReport(LocalDate AsOf, ImmutableArray<UnitWithoutAnswerer> UnitsWithoutAnswerer, ImmutableArray<HouseholdWithoutContact> HouseholdsWithoutContact)
{
    /// <summary>Whether nothing is broken.</summary>
    public bool IsHealthy => UnitsWithoutAnswerer.IsEmpty && HouseholdsWithoutContact.IsEmpty;
}
