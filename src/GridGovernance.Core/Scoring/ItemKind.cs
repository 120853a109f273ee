namespace GridGovernance.Scoring;

/// <summary>The kinds of item found on real assessment sheets.</summary>
public enum ItemKind
{
    /// <summary>加分: fixed points per occurrence (e.g. +1 per themed party day, +1.25 party dues a month).</summary>
    Fixed,

    /// <summary>酌情加分: the reviewer picks a value within a range (e.g. 酌情加1–5分 for 党员联户 done well).</summary>
    Discretionary,

    /// <summary>扣分: fixed points taken per occurrence (e.g. −0.5 each, doubled if still undone after a reminder).</summary>
    Deduction,

    /// <summary>否决: disqualifies from 优秀 and caps the star result; may also take points.</summary>
    Veto,

    /// <summary>Tiered penalty by level (petitions reaching county / city / province / capital: 0.5 / 1 / 2 / 5).</summary>
    Tiered,

    /// <summary>Threshold rule computed by the engine (attendance under 80 % loses 0.5); not declared.</summary>
    Threshold,

    /// <summary>Automatic grant to every eligible member each period (e.g. +20 遵纪守法 base a year); not declared.</summary>
    AutomaticGrant,
}
