namespace GridGovernance.EntityFrameworkCore.Storage;

/// <summary>
/// The parts of the read model's SQL that are the same on every database (<c>SqliteReadModel</c>, <c>NpgsqlReadModel</c>):
/// the views over plain columns, the names of the stored statuses, and dropping the views. Each provider writes the views
/// that read documents, dates and points in its own dialect around these.
/// </summary>
internal static class ReadModelSql
{
    /// <summary>The views <c>rm_units</c>, <c>rm_members</c>, <c>rm_member_roles</c> and <c>rm_households</c>: plain columns only.</summary>
    public const string PlainViews = """
        CREATE VIEW rm_units AS
        SELECT "Id" AS id, "Name" AS name, "Kind" AS kind, "ParentId" AS parent_id, "IsClosed" AS is_closed
        FROM "OrgUnits";

        CREATE VIEW rm_members AS
        SELECT "Id" AS id, "Name" AS name, "BranchId" AS branch_id, "IsActive" AS is_active
        FROM "Members";

        CREATE VIEW rm_member_roles AS
        SELECT "Owner_Id" AS member_id, "Role" AS role, "Unit" AS unit_id, "Validity_From" AS valid_from, "Validity_Until" AS valid_until
        FROM "Members_Roles";

        CREATE VIEW rm_households AS
        SELECT "Id" AS id, "UnitId" AS unit_id, "IsActive" AS is_active
        FROM "Households";
        """;

    /// <summary>A ledger entry's stored status (<c>LedgerEntryStatus</c>) as its name.</summary>
    /// <param name="column">The status column, as the view names it.</param>
    public static string LedgerStatus(string column) =>
        $"CASE {column} WHEN 0 THEN 'Declared' WHEN 1 THEN 'Approved' WHEN 2 THEN 'Rejected' WHEN 3 THEN 'Reversed' END";

    /// <summary>A work order's stored status (<c>WorkOrderStatus</c>) as its name, then whether it is open, as the columns <c>status</c> and <c>is_open</c>.</summary>
    /// <param name="column">The status column, as the view names it.</param>
    public static string WorkOrderStatus(string column) => $"""
        CASE {column} WHEN 0 THEN 'Filed' WHEN 1 THEN 'Triaged' WHEN 2 THEN 'Claimed' WHEN 3 THEN 'Whistled' WHEN 4 THEN 'Resolved'
                             WHEN 5 THEN 'Rated' WHEN 6 THEN 'Reopened' WHEN 7 THEN 'Closed' END AS status,
               {column} IN (0, 1, 2, 3, 6) AS is_open
        """;

    /// <summary>Drops every view of the read model (those that exist), the dependent ones first.</summary>
    public const string DropViews = """
        DROP VIEW IF EXISTS rm_contacts;
        DROP VIEW IF EXISTS rm_work_orders;
        DROP VIEW IF EXISTS rm_ledger_entries;
        DROP VIEW IF EXISTS rm_rule_items;
        DROP VIEW IF EXISTS rm_households;
        DROP VIEW IF EXISTS rm_member_roles;
        DROP VIEW IF EXISTS rm_members;
        DROP VIEW IF EXISTS rm_units;
        """;
}
