using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AggregatesSizedToInvariants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ContactLogs",
                table: "ContactLogs");

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "ContactLogs",
                newName: "Id_Member");

            migrationBuilder.AddColumn<int>(
                name: "Id_Year",
                table: "ContactLogs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // A stored log keeps its records and becomes the log of its latest record's year; its document gets the new id.
            migrationBuilder.Sql("""
                UPDATE "ContactLogs" SET "Id_Year" = COALESCE(substr(("Document"::jsonb -> 'Records' -> -1 ->> 'Date'), 1, 4)::integer, 1);
                UPDATE "ContactLogs" SET "Document" = jsonb_set("Document"::jsonb, '{Id}', jsonb_build_object('Member', "Id_Member", 'Year', "Id_Year"))::text;
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContactLogs",
                table: "ContactLogs",
                columns: new[] { "Id_Member", "Id_Year" });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears",
                columns: table => new
                {
                    Id_Member = table.Column<int>(type: "integer", nullable: false),
                    Id_Year = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears", x => new { x.Id_Member, x.Id_Year });
                });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears_Credits",
                columns: table => new
                {
                    Owner_Id_Member = table.Column<int>(type: "integer", nullable: false),
                    Owner_Id_Year = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears_Credits", x => new { x.Owner_Id_Member, x.Owner_Id_Year, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears_Redemptions",
                columns: table => new
                {
                    Owner_Id_Member = table.Column<int>(type: "integer", nullable: false),
                    Owner_Id_Year = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears_Redemptions", x => new { x.Owner_Id_Member, x.Owner_Id_Year, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "PublishedResults",
                columns: table => new
                {
                    Id_RuleBookId = table.Column<string>(type: "text", nullable: false),
                    Id_PeriodLabel = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedResults", x => new { x.Id_RuleBookId, x.Id_PeriodLabel });
                });

            // Each stored publication's results move to their own aggregate, written once (version 1).
            migrationBuilder.Sql("""
                INSERT INTO "PublishedResults" ("Id_RuleBookId", "Id_PeriodLabel", "Document", "Version")
                SELECT "Id_RuleBookId", "Id_PeriodLabel",
                       jsonb_build_object('Id', d -> 'Id', 'Period', d -> 'Period', 'Revision', COALESCE(d -> 'Revision', '0'::jsonb),
                                          'RuleBookVersion', d -> 'RuleBookVersion', 'CategoryCodes', COALESCE(d -> 'CategoryCodes', '[]'::jsonb),
                                          'Results', COALESCE(d -> 'Results', '[]'::jsonb))::text,
                       1
                FROM (SELECT "Id_RuleBookId", "Id_PeriodLabel", "Document"::jsonb AS d FROM "PeriodPublications") AS p;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointsAccountYears");

            migrationBuilder.DropTable(
                name: "PointsAccountYears_Credits");

            migrationBuilder.DropTable(
                name: "PointsAccountYears_Redemptions");

            migrationBuilder.DropTable(
                name: "PublishedResults");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ContactLogs",
                table: "ContactLogs");

            migrationBuilder.DropColumn(
                name: "Id_Year",
                table: "ContactLogs");

            migrationBuilder.RenameColumn(
                name: "Id_Member",
                table: "ContactLogs",
                newName: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContactLogs",
                table: "ContactLogs",
                column: "Id");
        }
    }
}
