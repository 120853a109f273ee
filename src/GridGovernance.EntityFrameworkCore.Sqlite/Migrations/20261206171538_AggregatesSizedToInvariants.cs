using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // A stored log keeps its records and becomes the log of its latest record's year; its document gets the new id.
            migrationBuilder.Sql("""
                UPDATE "ContactLogs" SET "Id_Year" = COALESCE(CAST(substr(json_extract("Document", '$.Records[#-1].Date'), 1, 4) AS INTEGER), 1);
                UPDATE "ContactLogs" SET "Document" = json_set("Document", '$.Id', json_object('Member', "Id_Member", 'Year', "Id_Year"));
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContactLogs",
                table: "ContactLogs",
                columns: new[] { "Id_Member", "Id_Year" });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears",
                columns: table => new
                {
                    Id_Member = table.Column<int>(type: "INTEGER", nullable: false),
                    Id_Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears", x => new { x.Id_Member, x.Id_Year });
                });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears_Credits",
                columns: table => new
                {
                    Owner_Id_Member = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner_Id_Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears_Credits", x => new { x.Owner_Id_Member, x.Owner_Id_Year, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "PointsAccountYears_Redemptions",
                columns: table => new
                {
                    Owner_Id_Member = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner_Id_Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccountYears_Redemptions", x => new { x.Owner_Id_Member, x.Owner_Id_Year, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "PublishedResults",
                columns: table => new
                {
                    Id_RuleBookId = table.Column<string>(type: "TEXT", nullable: false),
                    Id_PeriodLabel = table.Column<string>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedResults", x => new { x.Id_RuleBookId, x.Id_PeriodLabel });
                });

            // Each stored publication's results move to their own aggregate, written once (version 1).
            migrationBuilder.Sql("""
                INSERT INTO "PublishedResults" ("Id_RuleBookId", "Id_PeriodLabel", "Document", "Version")
                SELECT "Id_RuleBookId", "Id_PeriodLabel",
                       json_object('Id', json("Document" -> '$.Id'), 'Period', json("Document" -> '$.Period'),
                                   'Revision', COALESCE(json_extract("Document", '$.Revision'), 0),
                                   'RuleBookVersion', json_extract("Document", '$.RuleBookVersion'),
                                   'CategoryCodes', json(COALESCE("Document" -> '$.CategoryCodes', '[]')),
                                   'Results', json(COALESCE("Document" -> '$.Results', '[]'))),
                       1
                FROM "PeriodPublications";
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
