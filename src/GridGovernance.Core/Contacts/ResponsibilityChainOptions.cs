using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>
/// Which role answers at each level of the chain (六级联动 责任链), by unit kind, in order of preference: the first
/// role with a holder answers. Kinds not listed are skipped in chains (for example a functional branch).
/// </summary>
[Immutable]
public sealed record ResponsibilityChainOptions
{
    /// <summary>Laiwu's chain: 党小组长 for a party group; the grid branch secretary, else the grid head (网格长), for a grid; the secretary (书记) of a community, street, town and district.</summary>
    public static ResponsibilityChainOptions Default { get; } = new();

    /// <summary>The roles that answer for a unit of each kind, most preferred first.</summary>
    public ImmutableDictionary<UnitKind, ImmutableArray<RoleKind>> Answerers { get; init; } = ImmutableDictionary.CreateRange(
    [
        KeyValuePair.Create(UnitKind.PartyGroup, ImmutableArray.Create(RoleKind.GroupLeader)),
        KeyValuePair.Create(UnitKind.GridBranch, ImmutableArray.Create(RoleKind.Secretary, RoleKind.GridHead)),
        KeyValuePair.Create(UnitKind.Branch, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.Community, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.Street, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.Town, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.District, ImmutableArray.Create(RoleKind.Secretary)),
    ]);
}
