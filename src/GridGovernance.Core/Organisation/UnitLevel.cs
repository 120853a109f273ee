namespace GridGovernance.Organisation;

/// <summary>
/// The level of the city's chain a unit kind stands at (层级): the grid, the community, the street (or town) and the
/// district. Modules ask a <see cref="HierarchySchema"/> for the level of a kind (<see cref="HierarchySchema.LevelOf"/>)
/// instead of naming kinds, so a city's own chain (a town, two kinds of grid) works everywhere: work-order triage
/// (三事分流) and reports, who may blow the whistle, coverage per grid.
/// </summary>
public enum UnitLevel
{
    /// <summary>The grid (网格): the units of the schema's grid kinds.</summary>
    Grid,

    /// <summary>The community (社区).</summary>
    Community,

    /// <summary>The street (街道) or town (镇).</summary>
    Street,

    /// <summary>The district (区).</summary>
    District,
}
