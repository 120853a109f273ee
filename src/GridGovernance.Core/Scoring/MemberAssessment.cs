using System.Collections.Immutable;
using GridGovernance.Scoring.Engine;

namespace GridGovernance.Scoring;

/// <summary>One member's result for a period (量化考核结果).</summary>
/// <remarks>A view of one row of the assessment's results, which are kept in columns for the whole roster.</remarks>
[Immutable]
public sealed class MemberAssessment
{
    private readonly ResultColumns columns;
    private readonly int row;
    private ImmutableArray<int> itemCounts;
    private ImmutableArray<Points> categoryTotals;

    internal MemberAssessment(ResultColumns columns, int row)
    {
        this.columns = columns;
        this.row = row;
    }

    /// <summary>The member and their kind, branch and multiplier.</summary>
    public AssessmentSubject Subject => columns.Subjects[row];

    /// <summary>The member.</summary>
    public MemberId Member => columns.Subjects.Id(row);

    /// <summary>Each category's total after caps, deductions included, in rule-book category order.</summary>
    public ImmutableArray<Points> CategoryTotals
    {
        get
        {
            var totals = categoryTotals;
            if (totals.IsDefault)
            {
                // A race makes two equal arrays; either is right.
                totals = categoryTotals = columns.TotalsOf(row);
            }
            return totals;
        }
    }

    /// <summary>Counted occurrences of each item, in rule-book item order (an award a cap clipped or refused still counts as an occurrence; one refused once-per-period or ignored does not).</summary>
    public ImmutableArray<int> ItemCounts
    {
        get
        {
            var counts = itemCounts;
            if (counts.IsDefault)
            {
                counts = itemCounts = columns.CountsOf(row);
            }
            return counts;
        }
    }

    /// <summary>Counted occurrences of the item at position <paramref name="item"/> (as <see cref="ItemCounts"/>, without making the array).</summary>
    /// <param name="item">The item's position in the rule book.</param>
    /// <exception cref="GridGovernanceValidationException">There is no item at that position.</exception>
    public int ItemCount(int item)
    {
        Preconditions.CheckArgumentRange(nameof(item), item, 0, columns.ItemCount - 1);
        return columns.Count(row, item);
    }

    /// <summary>The total of the category at position <paramref name="category"/> (as <see cref="CategoryTotals"/>, without making the array).</summary>
    /// <param name="category">The category's position in the rule book.</param>
    /// <exception cref="GridGovernanceValidationException">There is no category at that position.</exception>
    public Points CategoryTotal(int category)
    {
        Preconditions.CheckArgumentRange(nameof(category), category, 0, columns.CategoryCount - 1);
        return columns.Total(row, category);
    }

    /// <summary>Points awarded after caps.</summary>
    public Points Awarded => columns.Awarded(row);

    /// <summary>Points deducted (zero or negative), threshold penalties included.</summary>
    public Points Deducted => columns.Deducted(row);

    /// <summary>Awards lost to caps (zero or positive): what a member sees as "clipped".</summary>
    public Points Clipped => columns.Clipped(row);

    /// <summary>The sum of the category totals.</summary>
    public Points Total => Awarded + Deducted;

    /// <summary>The total times the kind multiplier and the member's own multiplier.</summary>
    public Points Score => columns.Score(row);

    /// <summary>Whether a veto item (否决) occurred: not eligible for 优秀, stars capped.</summary>
    public bool Vetoed => columns.Vetoed(row);

    /// <summary>Entries that did not count: the member's kind is not eligible, no version was in force, a bad tier, or an item the engine computes itself.</summary>
    public int IgnoredEntries => columns.Ignored(row);
}
