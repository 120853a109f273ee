using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// A unit's entry on the resource list (资源清单) as the matcher sees it: what it can do, how much, where and when.
/// </summary>
/// <param name="Unit">The unit (an organ, a stationed unit 驻区单位, a branch).</param>
/// <param name="Categories">The service categories it offers (compared ordinally; duplicates are ignored).</param>
/// <param name="Capacity">How many project places it takes (1–2 by default in Laiwu and Yibin); 0 takes none.</param>
/// <param name="Location">Where it sits; distances are measured from here.</param>
/// <param name="Areas">The service areas it serves ("就近就便"); empty means any area.</param>
/// <param name="Availability">The days it is available; it qualifies for a project whose deadline falls inside.</param>
/// <param name="MaxDistanceMetres">How far it is willing to travel, or <c>null</c> for no limit of its own.</param>
[Immutable]
public sealed record UnitResource(
    OrgUnitId Unit,
    ImmutableArray<string> Categories,
    int Capacity,
    GeoPoint Location,
    ImmutableArray<AreaId> Areas,
    DateInterval Availability,
    double? MaxDistanceMetres = null);
