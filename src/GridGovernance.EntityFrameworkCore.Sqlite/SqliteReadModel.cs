using GridGovernance.EntityFrameworkCore.Storage;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// The read model on SQLite: the SQL views a city's other systems (dashboards, reporting tools, audits) query instead
/// of the store's tables (docs/storage.md, "A read model for a city's other systems"). The migration <c>ReadModel</c>
/// applies <see cref="FillColumns"/> then <see cref="CreateViews"/>, and its <c>Down</c> <see cref="DropViews"/>.
/// </summary>
/// <remarks>
/// The views have the same names and columns as on PostgreSQL (<c>NpgsqlReadModel</c>); what SQLite lacks is typed
/// differently: a boolean is <c>0</c>/<c>1</c>, a date ISO text (<c>2024-03-01</c>), an instant ISO text in UTC with
/// milliseconds (<c>2024-03-01T08:30:15.000Z</c>, which orders and compares as time), points a <c>REAL</c>.
/// An application that owns its migrations (<c>UseMigrationsAssembly</c>) applies these strings in its own. A later
/// migration that rebuilds one of the tables the views read (SQLite's way of altering a column) drops the views first
/// and creates them again after.
/// </remarks>
public static class SqliteReadModel
{
    // An instant column holds ticks (100 ns) since 1970; the views show it as ISO text with milliseconds, truncated.
    private static string Instant(string column) =>
        $"strftime('%Y-%m-%dT%H:%M:%S', {column} / 10000000, 'unixepoch') || printf('.%03dZ', ({column} % 10000000) / 10000)";

    /// <summary>
    /// Fills the work-order columns the views read (<c>ResponsibleUnit</c>, <c>Category</c>), added by the migration
    /// <c>ReadModel</c>, from each stored order's document. The store writes them with every save after that.
    /// </summary>
    public static string FillColumns { get; } = """
        UPDATE "WorkOrders" SET "ResponsibleUnit" = json_extract("Document", '$.ResponsibleUnit'), "Category" = json_extract("Document", '$.Category');
        """;

    /// <summary>Creates the views <c>rm_units</c>, <c>rm_members</c>, <c>rm_member_roles</c>, <c>rm_households</c>,
    /// <c>rm_rule_items</c>, <c>rm_ledger_entries</c>, <c>rm_work_orders</c> and <c>rm_contacts</c>.</summary>
    public static string CreateViews { get; } = $"""
        {ReadModelSql.PlainViews}

        CREATE VIEW rm_rule_items AS
        SELECT b."Id" AS rule_book, json_extract(i.value, '$.code') AS item_code, json_extract(i.value, '$.category') AS category,
               json_extract(i.value, '$.name') AS name
        FROM "RuleBooks" b, json_each(json_extract(b."Document", '$.Versions[#-1].Json'), '$.items') i;

        CREATE VIEW rm_ledger_entries AS
        SELECT e."Id" AS id, e."Member" AS member_id, e."RuleBookId" AS rule_book, e."ItemCode" AS item_code, i.category AS category,
               e."Points" / 10000.0 AS points,
               {ReadModelSql.LedgerStatus("e.\"Status\"")} AS status,
               e."ReversalOf" AS reversal_of, e."OccurredOn" AS occurred_on,
               {Instant("e.\"RecordedAt\"")} AS recorded_at, {Instant("e.\"ReviewedAt\"")} AS reviewed_at
        FROM "LedgerEntries" e
        LEFT JOIN rm_rule_items i ON i.rule_book = e."RuleBookId" AND i.item_code = e."ItemCode";

        CREATE VIEW rm_work_orders AS
        SELECT "Id" AS id, "Category" AS category,
               {ReadModelSql.WorkOrderStatus("\"Status\"")}, "Unit" AS unit_id, "ResponsibleUnit" AS responsible_unit_id,
               {Instant("\"FiledAt\"")} AS filed_at, {Instant("\"DueAt\"")} AS due_at, {Instant("\"ClosedAt\"")} AS closed_at
        FROM "WorkOrders";

        CREATE VIEW rm_contacts AS
        SELECT l."Id_Member" AS member_id, l."Id_Year" AS year, json_extract(r.value, '$.Household') AS household_id,
               json_extract(r.value, '$.Date') AS contacted_on, json_extract(r.value, '$.Kind') AS kind
        FROM "ContactLogs" l, json_each(l."Document", '$.Records') r;
        """;

    /// <summary>Drops the views <see cref="CreateViews"/> creates (those that exist).</summary>
    public static string DropViews { get; } = ReadModelSql.DropViews;
}
