using GridGovernance.EntityFrameworkCore.Storage;

namespace GridGovernance.EntityFrameworkCore;

/// <summary>
/// The read model on PostgreSQL: the SQL views a city's other systems (dashboards, reporting tools, audits) query instead
/// of the store's tables (docs/storage.md, "A read model for a city's other systems"). The migration <c>ReadModel</c>
/// applies <see cref="FillColumns"/> then <see cref="CreateViews"/>, and its <c>Down</c> <see cref="DropViews"/>.
/// </summary>
/// <remarks>
/// The views have the same names and columns as on SQLite (<c>SqliteReadModel</c>), typed as PostgreSQL types them:
/// ids <c>integer</c> (a ledger entry's <c>bigint</c>), booleans <c>boolean</c>, dates <c>date</c>, instants
/// <c>timestamp with time zone</c>, points <c>numeric</c> with four decimals. The names are snake_case so that SQL
/// written for PostgreSQL needs no quotes. An application that owns its migrations (<c>UseMigrationsAssembly</c>)
/// applies these strings in its own.
/// </remarks>
public static class NpgsqlReadModel
{
    /// <summary>
    /// Fills the work-order columns the views read (<c>ResponsibleUnit</c>, <c>Category</c>), added by the migration
    /// <c>ReadModel</c>, from each stored order's document. The store writes them with every save after that.
    /// </summary>
    public static string FillColumns { get; } = """
        UPDATE "WorkOrders" SET "ResponsibleUnit" = ("Document"->>'ResponsibleUnit')::integer, "Category" = "Document"->>'Category';
        """;

    /// <summary>Creates the views <c>rm_units</c>, <c>rm_members</c>, <c>rm_member_roles</c>, <c>rm_households</c>,
    /// <c>rm_rule_items</c>, <c>rm_ledger_entries</c>, <c>rm_work_orders</c> and <c>rm_contacts</c>.</summary>
    public static string CreateViews { get; } = $"""
        {ReadModelSql.PlainViews}

        CREATE VIEW rm_rule_items AS
        SELECT b."Id" AS rule_book, i->>'code' AS item_code, i->>'category' AS category, i->>'name' AS name
        FROM "RuleBooks" b
        CROSS JOIN LATERAL jsonb_array_elements((b."Document"->'Versions'->-1->>'Json')::jsonb->'items') i;

        CREATE VIEW rm_ledger_entries AS
        SELECT e."Id" AS id, e."Member" AS member_id, e."RuleBookId" AS rule_book, e."ItemCode" AS item_code, i.category AS category,
               (e."Points" * 0.0001)::numeric(19, 4) AS points,
               {ReadModelSql.LedgerStatus("e.\"Status\"")} AS status,
               e."ReversalOf" AS reversal_of, e."OccurredOn" AS occurred_on, e."RecordedAt" AS recorded_at, e."ReviewedAt" AS reviewed_at
        FROM "LedgerEntries" e
        LEFT JOIN rm_rule_items i ON i.rule_book = e."RuleBookId" AND i.item_code = e."ItemCode";

        CREATE VIEW rm_work_orders AS
        SELECT "Id" AS id, "Category" AS category,
               {ReadModelSql.WorkOrderStatus("\"Status\"")}, "Unit" AS unit_id, "ResponsibleUnit" AS responsible_unit_id,
               "FiledAt" AS filed_at, "DueAt" AS due_at, "ClosedAt" AS closed_at
        FROM "WorkOrders";

        CREATE VIEW rm_contacts AS
        SELECT l."Id_Member" AS member_id, l."Id_Year" AS year, (r->>'Household')::integer AS household_id,
               (r->>'Date')::date AS contacted_on, r->>'Kind' AS kind
        FROM "ContactLogs" l
        CROSS JOIN LATERAL jsonb_array_elements(l."Document"->'Records') r;
        """;

    /// <summary>Drops the views <see cref="CreateViews"/> creates (those that exist).</summary>
    public static string DropViews { get; } = ReadModelSql.DropViews;
}
