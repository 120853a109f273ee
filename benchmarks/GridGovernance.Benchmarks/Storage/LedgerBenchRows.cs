using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// The ledger rows the export benchmarks load and read (<see cref="LedgerExportBenchmarks"/>,
/// <see cref="PartitionedLedgerBenchmarks"/>): generated entries as rows of the store's <c>LedgerEntries</c> (approved,
/// recorded on 2025-01-02, a placeholder document, which the export never reads), written with binary COPY, and the
/// export's columns read and dropped.
/// </summary>
internal static class LedgerBenchRows
{
    /// <summary>The columns the set-ups write, in the order of <see cref="Row"/>'s values.</summary>
    public const string Columns = "\"Id\", \"Version\", \"Document\", \"RuleBookId\", \"Member\", \"Status\", \"OccurredOn\", "
        + "\"ItemCode\", \"Points\", \"Tier\", \"AfterReminder\", \"RecordedAt\"";

    private static readonly Instant RecordedAt = Instant.FromUtc(2025, 1, 2, 0, 0);

    /// <summary>One entry as the store's columns hold it.</summary>
    public sealed record Row(long Id, int Member, string ItemCode, LocalDate OccurredOn, long Points, string? Tier, bool AfterReminder, Instant RecordedAt);

    /// <summary>The rows of <paramref name="generated"/> under <paramref name="ruleBook"/>, with ids from <paramref name="firstId"/> on.</summary>
    public static IEnumerable<Row> Of(RuleBook ruleBook, AssessmentEntry[] generated, long firstId) =>
        generated.Select((e, i) =>
        {
            var item = ruleBook.Items[e.ItemIndex];
            var version = item.Versions[0];
            return new Row(firstId + i, e.Member.Value, item.Code, e.OccurredOn,
                version.Kind == ItemKind.Discretionary ? e.Value.Units : version.Points.Units,
                version.Kind == ItemKind.Tiered ? version.Tiers[e.Tier].Code : null, e.AfterReminder, RecordedAt);
        });

    /// <summary>Writes <paramref name="rows"/> into <c>LedgerEntries</c> with one binary COPY on <paramref name="connection"/>.</summary>
    public static void Copy(NpgsqlConnection connection, string ruleBookId, IEnumerable<Row> rows)
    {
        using var import = connection.BeginBinaryImport($"COPY \"LedgerEntries\" ({Columns}) FROM STDIN (FORMAT binary)");
        foreach (var row in rows)
        {
            import.StartRow();
            import.Write(row.Id, NpgsqlDbType.Bigint);
            import.Write(1L, NpgsqlDbType.Bigint);
            import.Write("{}", NpgsqlDbType.Jsonb);
            import.Write(ruleBookId, NpgsqlDbType.Text);
            import.Write(row.Member, NpgsqlDbType.Integer);
            import.Write((int)LedgerEntryStatus.Approved, NpgsqlDbType.Integer);
            import.Write(new DateOnly(row.OccurredOn.Year, row.OccurredOn.Month, row.OccurredOn.Day), NpgsqlDbType.Date);
            import.Write(row.ItemCode, NpgsqlDbType.Text);
            import.Write(row.Points, NpgsqlDbType.Bigint);
            if (row.Tier is null)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(row.Tier, NpgsqlDbType.Text);
            }
            import.Write(row.AfterReminder, NpgsqlDbType.Boolean);
            import.Write(row.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        }
        import.Complete();
    }

    /// <summary>
    /// Reads the export's seven columns (member, item code, the day, id, points, tier, after a reminder) of every row and
    /// drops them; the day is a <c>date</c> or, as the export sends it, an <c>integer</c> offset. Returns the rows read.
    /// </summary>
    public static async Task<int> DrainAsync(NpgsqlBinaryExporter export, NpgsqlDbType day)
    {
        int count = 0;
        while (await export.StartRowAsync() != -1)
        {
            _ = export.Read<int>(NpgsqlDbType.Integer);
            _ = export.Read<string>(NpgsqlDbType.Text);
            if (day == NpgsqlDbType.Date)
            {
                _ = export.Read<DateOnly>(NpgsqlDbType.Date);
            }
            else
            {
                _ = export.Read<int>(NpgsqlDbType.Integer);
            }
            _ = export.Read<long>(NpgsqlDbType.Bigint);
            _ = export.Read<long>(NpgsqlDbType.Bigint);
            if (export.IsNull)
            {
                export.Skip();
            }
            else
            {
                _ = export.Read<string>(NpgsqlDbType.Text);
            }
            _ = export.Read<bool>(NpgsqlDbType.Boolean);
            count++;
        }
        return count;
    }
}
