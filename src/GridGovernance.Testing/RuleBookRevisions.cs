using GridGovernance.Scoring;

namespace GridGovernance.Testing;

/// <summary>
/// Makes a proposed revision of a rule book (积分细则修订) from a seed, for what-if tests: other points for fixed items and
/// deductions, other discretionary ranges, caps added, changed or removed, other star bands, and optionally the items in
/// another order. The revision keeps every item and tier code, so an entry of the current book has a meaning under it.
/// </summary>
public static class RuleBookRevisions
{
    /// <summary>A revision of <paramref name="book"/>.</summary>
    /// <param name="book">The rule book in force.</param>
    /// <param name="seed">The seed: the same seed gives the same revision.</param>
    /// <param name="reorderItems">Also list the items (and each tiered version's tiers) in another order, so that entries
    /// must be carried over by code.</param>
    /// <returns>A valid rule book with the id <c>{id}-rev{seed}</c> and the next version number.</returns>
    public static RuleBook Revise(RuleBook book, int seed, bool reorderItems = false)
    {
        ArgumentNullException.ThrowIfNull(book);
        var random = new Random(seed);
        PointsCap? Cap(PointsCap? cap) => random.Next(4) switch
        {
            0 => null,
            1 => new PointsCap(Points.From(random.Next(1, 25)), cap?.Mode ?? CapMode.Clip),
            _ => cap,
        };
        var items = book.Items.Select(item => item with
        {
            Versions = [.. item.Versions.Select(v =>
            {
                var revised = v with { Cap = v.Kind is ItemKind.Fixed or ItemKind.Discretionary ? Cap(v.Cap) : v.Cap };
                revised = v.Kind switch
                {
                    ItemKind.Fixed when random.Next(2) == 0 => revised with { Points = Points.From(random.Next(1, 9) / 4m) },
                    ItemKind.Deduction when random.Next(2) == 0 => revised with { Points = Points.From(-random.Next(1, 9) / 4m) },
                    ItemKind.Discretionary when random.Next(2) == 0 => revised with { Maximum = Points.From(random.Next(1, 4)) + revised.Minimum!.Value },
                    _ => revised,
                };
                return reorderItems && revised.Tiers.Count > 1 ? revised with { Tiers = [.. revised.Tiers.Reverse()] } : revised;
            })],
        }).ToList();
        if (reorderItems)
        {
            items = [.. items.OrderBy(_ => random.Next())];
        }
        var bands = book.Stars.Bands;
        if (bands.Count > 0)
        {
            long minimum = 0;
            bands = [.. bands.OrderBy(b => b.Stars).Select(b =>
            {
                minimum = Math.Max(minimum + 1, (long)(b.MinimumScore.ToDecimal() * (decimal)(0.7 + 0.6 * random.NextDouble())));
                return new StarBand(b.Stars, Points.From(minimum));
            })];
        }
        return RuleBook.Create(book.Definition with
        {
            Id = $"{book.Id}-rev{seed}",
            Version = book.Version + 1,
            Categories = [.. book.Categories.Select(c => c with { Cap = Cap(c.Cap) })],
            Items = items,
            Stars = book.Stars with { Bands = bands },
        });
    }
}
