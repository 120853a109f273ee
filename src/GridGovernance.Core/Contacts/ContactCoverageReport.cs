using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>Households not contacted in the last N days (经常性联系 全覆盖), listed and counted per grid, community and street.</summary>
/// <param name="Since">The first day of the window.</param>
/// <param name="Today">The last day of the window.</param>
/// <param name="NotContacted">The households, by id.</param>
/// <param name="Units">Counts per unit: grids, then communities, then streets, each by id.</param>
[Immutable]
public sealed record ContactCoverageReport(LocalDate Since, LocalDate Today, ImmutableArray<UncontactedHousehold> NotContacted, ImmutableArray<UnitContactCoverage> Units);
