using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>
/// Where an assessment keeps its results: one row a member, in columns shared by every member of the assessment
/// (a handful of arrays for the whole roster instead of objects and arrays a member). Values are kept in the fewest
/// bits that nearly always hold them, with the rare value that does not fit in an exact side table: a count in
/// four bits, an amount of points in two bytes (as hundredths of a point, within ±327.67). A city's results
/// then take a few megabytes, and fresh memory is most of what a bulk assessment costs.
/// </summary>
/// <remarks>Written by one thread while the assessment runs; read-only, and safe to share, afterwards.</remarks>
internal sealed class ResultColumns
{
    private const int CountEscape = 15;
    private const short UnitsEscape = short.MinValue;
    private const long UnitsStep = 100;
    private const int ScalarsPerRow = 5; // awarded, deducted, clipped, score, ignored

    private readonly byte[] counts; // two counts a byte, low nibble first
    private readonly short[] totals;
    private readonly short[] scalars;
    private readonly bool[] vetoed;

    // The values that did not fit, by key: a count at ~(its position), a total at its position, a scalar at the
    // number of totals plus its position.
    private Dictionary<int, long>? large;

    internal ResultColumns(AssessmentRoster subjects, int itemCount, int categoryCount)
    {
        Subjects = subjects;
        ItemCount = itemCount;
        CategoryCount = categoryCount;
        int rows = subjects.Count;
        counts = new byte[(rows * itemCount + 1) / 2];
        totals = new short[rows * categoryCount];
        scalars = new short[rows * ScalarsPerRow];
        vetoed = new bool[rows];
    }

    /// <summary>Row r's member (the plan's roster, shared).</summary>
    internal AssessmentRoster Subjects { get; }

    internal int Rows => Subjects.Count;

    internal int ItemCount { get; }

    internal int CategoryCount { get; }

    internal int Count(int row, int item)
    {
        int at = row * ItemCount + item;
        int count = (counts[at >> 1] >> ((at & 1) << 2)) & 0xF;
        return count != CountEscape ? count : (int)large![~at];
    }

    internal Points Total(int row, int category) => Points.FromUnits(Units(totals, row * CategoryCount + category, 0));

    internal Points Awarded(int row) => Points.FromUnits(Scalar(row, 0));

    internal Points Deducted(int row) => Points.FromUnits(Scalar(row, 1));

    internal Points Clipped(int row) => Points.FromUnits(Scalar(row, 2));

    internal Points Score(int row) => Points.FromUnits(Scalar(row, 3));

    internal int Ignored(int row) => (int)(Scalar(row, 4) / UnitsStep);

    internal bool Vetoed(int row) => vetoed[row];

    internal ImmutableArray<int> CountsOf(int row)
    {
        var result = new int[ItemCount];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = Count(row, i);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    internal ImmutableArray<Points> TotalsOf(int row)
    {
        var result = new Points[CategoryCount];
        for (int c = 0; c < result.Length; c++)
        {
            result[c] = Total(row, c);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Writes a row's counts (a row is written once, or again in full by the in-order replay).</summary>
    internal void SetCounts(int row, ReadOnlySpan<int> values)
    {
        int at = row * ItemCount;
        int i = 0;
        if ((at & 1) == 0)
        {
            // Whole bytes while both counts of a pair fit: the common case.
            for (; i + 1 < values.Length; i += 2, at += 2)
            {
                uint low = (uint)values[i], high = (uint)values[i + 1];
                if (low >= CountEscape || high >= CountEscape)
                {
                    break;
                }
                counts[at >> 1] = (byte)(low | (high << 4));
            }
        }
        for (; i < values.Length; i++, at++)
        {
            int value = values[i];
            if ((uint)value >= CountEscape)
            {
                (large ??= [])[~at] = value;
                value = CountEscape;
            }
            int shift = (at & 1) << 2;
            ref byte pair = ref counts[at >> 1];
            pair = (byte)((pair & ~(0xF << shift)) | (value << shift));
        }
    }

    internal void SetTotal(int row, int category, long units) => SetUnits(totals, row * CategoryCount + category, 0, units);

    internal void SetScalars(int row, long awarded, long deducted, long clipped, long score, bool isVetoed, int ignored)
    {
        int at = row * ScalarsPerRow;
        SetUnits(scalars, at, totals.Length, awarded);
        SetUnits(scalars, at + 1, totals.Length, deducted);
        SetUnits(scalars, at + 2, totals.Length, clipped);
        SetUnits(scalars, at + 3, totals.Length, score);
        SetUnits(scalars, at + 4, totals.Length, ignored * UnitsStep);
        vetoed[row] = isVetoed;
    }

    private long Scalar(int row, int which) => Units(scalars, row * ScalarsPerRow + which, totals.Length);

    private long Units(short[] column, int at, int keyBase)
    {
        short hundredths = column[at];
        return hundredths != UnitsEscape ? hundredths * UnitsStep : large![keyBase + at];
    }

    private void SetUnits(short[] column, int at, int keyBase, long units)
    {
        long hundredths = units / UnitsStep;
        if (units % UnitsStep == 0 && hundredths > UnitsEscape && hundredths <= short.MaxValue)
        {
            column[at] = (short)hundredths;
        }
        else
        {
            column[at] = UnitsEscape;
            (large ??= [])[keyBase + at] = units;
        }
    }
}

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

    /// <summary>Counted occurrences of each item, in rule-book item order (a capped award still counts as an occurrence).</summary>
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
    /// <exception cref="ArgumentOutOfRangeException">There is no item at that position.</exception>
    public int ItemCount(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)columns.ItemCount, nameof(item));
        return columns.Count(row, item);
    }

    /// <summary>The total of the category at position <paramref name="category"/> (as <see cref="CategoryTotals"/>, without making the array).</summary>
    /// <param name="category">The category's position in the rule book.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no category at that position.</exception>
    public Points CategoryTotal(int category)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)category, (uint)columns.CategoryCount, nameof(category));
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

/// <summary>The result of assessing a roster over a period: one <see cref="MemberAssessment"/> per member, in id order.</summary>
[Immutable]
public sealed class AssessmentResult
{
    // A bulk assessment keeps its results in columns and makes the member views on first use; a live one hands over
    // the views it has.
    private readonly ResultColumns? columns;
    private ImmutableArray<MemberAssessment> members;

    internal AssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ImmutableArray<MemberAssessment> members, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        RuleBook = ruleBook;
        Period = period;
        this.members = members;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
    }

    internal AssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ResultColumns columns, int entriesOutsidePeriod, int entriesOfUnknownMembers)
    {
        RuleBook = ruleBook;
        Period = period;
        this.columns = columns;
        EntriesOutsidePeriod = entriesOutsidePeriod;
        EntriesOfUnknownMembers = entriesOfUnknownMembers;
    }

    /// <summary>The rule book used.</summary>
    public RuleBook RuleBook { get; }

    /// <summary>The period assessed.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>Every member of the roster, in id order.</summary>
    public ImmutableArray<MemberAssessment> Members
    {
        get
        {
            if (members.IsDefault)
            {
                var views = new MemberAssessment[columns!.Rows];
                for (int i = 0; i < views.Length; i++)
                {
                    views[i] = new MemberAssessment(columns, i);
                }
                ImmutableInterlocked.InterlockedInitialize(ref members, ImmutableCollectionsMarshal.AsImmutableArray(views));
            }
            return members;
        }
    }

    /// <summary>The number of members assessed (as <c>Members.Length</c>).</summary>
    public int Count => columns?.Rows ?? members.Length;

    /// <summary>Entries whose occurrence date lies outside the period (skipped).</summary>
    public int EntriesOutsidePeriod { get; }

    /// <summary>Entries of members not on the roster (skipped).</summary>
    public int EntriesOfUnknownMembers { get; }

    /// <summary>A member's result.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="ArgumentException">The member is not on the roster.</exception>
    public MemberAssessment this[MemberId member] =>
        TryFind(member, out var result) ? result : throw new ArgumentException($"{member} is not on the assessment roster.", nameof(member));

    /// <summary>Finds a member's result (members are in id order, so this is a binary search).</summary>
    /// <param name="member">The member.</param>
    /// <param name="result">The result, when found.</param>
    /// <returns><c>false</c> when the member is not on the roster.</returns>
    public bool TryFind(MemberId member, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MemberAssessment? result)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int c = (columns is not null ? columns.Subjects.IdValue(mid) : members[mid].Member.Value).CompareTo(member.Value);
            if (c == 0)
            {
                result = Members[mid];
                return true;
            }
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        result = null;
        return false;
    }

    /// <summary>A category's total for a member.</summary>
    /// <param name="member">The member.</param>
    /// <param name="category">The category code.</param>
    public Points CategoryTotal(MemberId member, string category) => this[member].CategoryTotals[RuleBook.IndexOfCategory(category)];

    /// <summary>Sums members' scores per unit over the hierarchy (each unit gets the scores of every member under it).</summary>
    /// <param name="index">The hierarchy as of the period's end.</param>
    public SubtreeRollup ScoresByUnit(HierarchyIndex index)
    {
        Preconditions.CheckNotNull(index);
        return index.RollUp(n => n.Kind == NodeKind.Member && TryFind(n.AsMember(), out var m) ? m.Score.Units : 0);
    }
}
