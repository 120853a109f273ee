using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// What a column-only ledger export reads: the ledger table's columns of the entries an assessment of a period counts
/// (the rows <see cref="LedgerEntriesForAssessment"/> selects), in no particular order. Each provider reads them its
/// fastest way (PostgreSQL binary COPY, SQLite a plain reader) and hands each row to a <see cref="LedgerRowSink"/>.
/// </summary>
internal sealed class LedgerExportQuery(string table, string ruleBookId, LocalDate start, LocalDate end)
{
    public const string Member = "Member";
    public const string ItemCode = "ItemCode";
    public const string OccurredOn = "OccurredOn";
    public const string Id = "Id";
    public const string Points = "Points";
    public const string Tier = "Tier";
    public const string AfterReminder = "AfterReminder";
    public const string RuleBookId = "RuleBookId";
    public const string Status = "Status";
    public const string ReversalOf = "ReversalOf";

    /// <summary>The ledger's table.</summary>
    public string Table { get; } = table;

    /// <summary>The rule book whose entries are read.</summary>
    public string RuleBookIdValue { get; } = ruleBookId;

    /// <summary>The period's first day.</summary>
    public LocalDate Start { get; } = start;

    /// <summary>The period's last day (inclusive).</summary>
    public LocalDate End { get; } = end;

    /// <summary>The stored value of <see cref="LedgerEntryStatus.Approved"/>.</summary>
    public static int Approved => (int)LedgerEntryStatus.Approved;
}

/// <summary>
/// Receives the rows of a <see cref="LedgerExportQuery"/> and resolves each against the rule book as
/// <c>LedgerExportService.ToAssessmentEntries</c> does (item position, tier position, the value of a discretionary
/// item), straight into an <see cref="AssessmentEntryColumns.Builder"/>: no aggregate and no document is made.
/// </summary>
internal sealed class LedgerRowSink
{
    private readonly RuleBook ruleBook;
    private readonly AssessmentPeriod period;
    private readonly LocalDate[] days;
    private readonly Dictionary<string, int> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> itemsBySpan;
    private readonly AssessmentEntryColumns.Builder builder = new();
    private SortedSet<string>? unknown;
    private int missingColumns;

    public LedgerRowSink(RuleBook ruleBook, AssessmentPeriod period)
    {
        this.ruleBook = ruleBook;
        this.period = period;
        itemsBySpan = items.GetAlternateLookup<ReadOnlySpan<char>>();
        // Rows carry their date as a day offset from the period's start: one array look-up instead of a parse.
        days = new LocalDate[Period.DaysBetween(period.Start, period.End) + 1];
        for (int d = 0; d < days.Length; d++)
        {
            days[d] = period.Start.PlusDays(d);
        }
    }

    /// <summary>The period's first day, from which the Add methods count days.</summary>
    public LocalDate Start => period.Start;

    /// <summary>Adds one row; <paramref name="itemCode"/> is null for a row written before the export's columns existed.</summary>
    public void Add(int member, string? itemCode, int day, long id, long pointsUnits, string? tier, bool afterReminder)
    {
        if (itemCode is null)
        {
            missingColumns++;
            return;
        }
        Add(member, ItemOf(itemCode), day, id, pointsUnits, tier, afterReminder);
    }

    /// <summary>
    /// Adds one row whose item code comes as the database's UTF-8 bytes (<paramref name="hasItem"/> false for a row
    /// written before the export's columns existed): a code seen before is found without making a string.
    /// </summary>
    public void Add(int member, bool hasItem, ReadOnlySpan<byte> itemCodeUtf8, int day, long id, long pointsUnits, string? tier, bool afterReminder)
    {
        if (!hasItem)
        {
            missingColumns++;
            return;
        }
        Span<char> buffer = stackalloc char[64];
        int item;
        if (itemCodeUtf8.Length <= buffer.Length && System.Text.Encoding.UTF8.TryGetChars(itemCodeUtf8, buffer, out int length)
            && itemsBySpan.TryGetValue(buffer[..length], out int known))
        {
            item = known;
        }
        else
        {
            item = ItemOf(System.Text.Encoding.UTF8.GetString(itemCodeUtf8));
        }
        Add(member, item, day, id, pointsUnits, tier, afterReminder);
    }

    // The item's position in the rule book, or -1 (remembered as unknown) for a code the book does not have.
    private int ItemOf(string itemCode)
    {
        if (!items.TryGetValue(itemCode, out int item))
        {
            item = ruleBook.HasItem(itemCode) ? ruleBook.IndexOfItem(itemCode) : -1;
            items.Add(itemCode, item);
        }
        if (item < 0)
        {
            (unknown ??= new SortedSet<string>(StringComparer.Ordinal)).Add(itemCode);
        }
        return item;
    }

    private void Add(int member, int item, int day, long id, long pointsUnits, string? tier, bool afterReminder)
    {
        if (item < 0)
        {
            return;
        }
        var occurredOn = days[day];
        var version = ruleBook.VersionOn(item, occurredOn);
        builder.Add(new AssessmentEntry(new MemberId(member), item, occurredOn, id)
        {
            Value = version?.Kind == ItemKind.Discretionary ? GridGovernance.Points.FromUnits(pointsUnits) : GridGovernance.Points.Zero,
            // An unknown tier becomes -1, which the engine counts as an ignored entry (as the repository's export does).
            Tier = tier is null ? 0 : IndexOfTier(version, tier),
            AfterReminder = afterReminder,
        });
    }

    /// <summary>The ledger read, or the error the repository's export would give for the same rows.</summary>
    public AssessmentEntryColumns Build()
    {
        if (missingColumns > 0)
        {
            throw new InvalidOperationException(
                $"{missingColumns} ledger entries of period {period.Label} were written before the ledger's export columns existed (ItemCode is null): "
                + "run LedgerExport.BackfillColumnsAsync once after upgrading the database, then export again.");
        }
        if (unknown is not null)
        {
            throw new GridGovernanceException(ErrorCodes.LedgerUnknownItem,
                $"Approved entries of period {period.Label} name items rule book '{ruleBook.Id}' (version {ruleBook.Version}) does not have: {string.Join(", ", unknown)}.");
        }
        return builder.Build();
    }

    private static int IndexOfTier(RuleItemVersion? version, string tier)
    {
        var tiers = version?.Tiers ?? [];
        for (int t = 0; t < tiers.Count; t++)
        {
            if (string.Equals(tiers[t].Code, tier, StringComparison.Ordinal))
            {
                return t;
            }
        }
        return -1;
    }
}
