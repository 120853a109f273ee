namespace GridGovernance.Contacts;

/// <summary>What the contact log service needs to know about points: which item a contact earns, if any.</summary>
[Immutable]
public sealed record ContactLogOptions
{
    /// <summary>The rule-book item a contact earns (e.g. <c>contact-visit</c>), or <c>null</c> for no points.</summary>
    public string? PointsItemCode { get; init; }

    /// <summary>The kinds of contact that earn the item (default: visits only).</summary>
    public System.Collections.Immutable.ImmutableHashSet<ContactKind> KindsEarningPoints { get; init; } = [ContactKind.Visit];
}
