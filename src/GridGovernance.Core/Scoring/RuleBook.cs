using System.Collections.Immutable;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Scoring;

/// <summary>
/// A validated rule book (积分细则): categories, items with dated versions, caps, multipliers and star rules.
/// Rules are data: build one from a <see cref="RuleBookDefinition"/> (by hand or from JSON) with
/// <see cref="Create"/>, which checks everything and reports every problem at once.
/// </summary>
[Immutable]
public sealed class RuleBook
{
    private readonly ImmutableDictionary<string, int> categoryIndex;
    private readonly ImmutableDictionary<string, int> itemIndex;

    private RuleBook(RuleBookDefinition definition)
    {
        Definition = definition;
        Categories = [.. definition.Categories];
        Items = [.. definition.Items];
        categoryIndex = Categories.Select((c, i) => (c.Code, i)).ToImmutableDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        itemIndex = Items.Select((c, i) => (c.Code, i)).ToImmutableDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        ItemCategories = [.. Items.Select(i => categoryIndex[i.Category])];
        Versions = [.. Items.Select(i => i.Versions.OrderBy(v => v.EffectiveFrom).ToImmutableArray())];
    }

    /// <summary>The definition the book was built from.</summary>
    public RuleBookDefinition Definition { get; }

    /// <summary>The id.</summary>
    public string Id => Definition.Id;

    /// <summary>The version.</summary>
    public int Version => Definition.Version;

    /// <summary>The categories, in definition order (results index categories in this order).</summary>
    public ImmutableArray<ScoreCategory> Categories { get; }

    /// <summary>The items, in definition order (assessment entries name items by this position).</summary>
    public ImmutableArray<RuleItem> Items { get; }

    /// <summary>For each item, the position of its category.</summary>
    public ImmutableArray<int> ItemCategories { get; }

    /// <summary>For each item, its versions by effective date.</summary>
    internal ImmutableArray<ImmutableArray<RuleItemVersion>> Versions { get; }

    /// <summary>The star rules.</summary>
    public StarRules Stars => Definition.Stars;

    /// <summary>The position of a category.</summary>
    /// <param name="code">The category code.</param>
    /// <exception cref="GridGovernanceValidationException">The book has no such category (<see cref="ErrorCodes.UnknownKey"/>).</exception>
    public int IndexOfCategory(string code) =>
        categoryIndex.TryGetValue(Preconditions.CheckNotNull(code), out var i) ? i : throw Preconditions.UnknownKey(nameof(code), $"The rule book '{Id}' has no category '{CodeText.Shown(code)}'.");

    /// <summary>The position of an item.</summary>
    /// <param name="code">The item code.</param>
    /// <exception cref="GridGovernanceValidationException">The book has no such item (<see cref="ErrorCodes.UnknownKey"/>; <see cref="HasItem"/> asks first).</exception>
    public int IndexOfItem(string code) =>
        itemIndex.TryGetValue(Preconditions.CheckNotNull(code), out var i) ? i : throw Preconditions.UnknownKey(nameof(code), $"The rule book '{Id}' has no item '{CodeText.Shown(code)}'.");

    /// <summary>Whether the book has an item with this code.</summary>
    /// <param name="code">The item code.</param>
    public bool HasItem(string code) => itemIndex.ContainsKey(code);

    /// <summary>The version of an item in force on an occurrence date, or <c>null</c> before its first version.</summary>
    /// <param name="item">The item's position.</param>
    /// <param name="occurredOn">The occurrence date.</param>
    public RuleItemVersion? VersionOn(int item, LocalDate occurredOn)
    {
        var versions = Versions[item];
        for (int v = versions.Length - 1; v >= 0; v--)
        {
            if (versions[v].EffectiveFrom <= occurredOn)
            {
                return versions[v];
            }
        }
        return null;
    }

    /// <summary>The multiplier of a member kind (1 when the book lists none).</summary>
    /// <param name="kind">The member kind.</param>
    public decimal MultiplierFor(MemberKind kind) => Definition.KindMultipliers.TryGetValue(kind, out var m) ? m : 1m;

    /// <summary>Checks a definition and builds the rule book.</summary>
    /// <param name="definition">The definition.</param>
    /// <exception cref="GridGovernanceValidationException">Listing every problem: unknown category, negative cap, overlapping tiers, a star criterion naming an unknown category, ...</exception>
    public static RuleBook Create(RuleBookDefinition definition)
    {
        Preconditions.CheckNotNull(definition);
        // Copy every list first: a caller changing theirs later must not change a validated book.
        definition = Copy(definition);
        var problems = RuleBookValidator.Validate(definition);
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException($"The rule book '{definition.Id}'", problems);
        }
        return new RuleBook(definition);
    }

    private static RuleBookDefinition Copy(RuleBookDefinition d) => d with
    {
        Categories = d.Categories is null ? null! : [.. d.Categories],
        Items = d.Items is null ? null! : [.. d.Items.Select(item => item is null ? null! : item with
        {
            Versions = item.Versions is null ? null! : [.. item.Versions.Select(v => v is null ? null! : v with
            {
                EligibleKinds = v.EligibleKinds is null ? null! : [.. v.EligibleKinds],
                Tiers = v.Tiers is null ? null! : [.. v.Tiers],
            })],
        })],
        KindMultipliers = d.KindMultipliers is null ? null! : new Dictionary<MemberKind, decimal>(d.KindMultipliers),
        Stars = d.Stars is null ? null! : d.Stars with
        {
            Bands = d.Stars.Bands is null ? null! : [.. d.Stars.Bands],
            NamedStars = d.Stars.NamedStars is null ? null! : [.. d.Stars.NamedStars],
            EventStarItems = d.Stars.EventStarItems is null ? null! : [.. d.Stars.EventStarItems],
        },
    };
}
