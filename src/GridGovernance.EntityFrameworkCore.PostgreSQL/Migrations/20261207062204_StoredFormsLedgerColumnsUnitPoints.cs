using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class StoredFormsLedgerColumnsUnitPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Documents become jsonb (issue 15). The text they hold is JSON already (the old serialiser's documents, version 0
            // of each stored form, are upgraded when they are read), so a cast converts them; EF Core's AlterColumn writes no USING.
            migrationBuilder.Sql("ALTER TABLE \"WorkOrders\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"ServiceProjects\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"RuleBooks\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"RewardItems\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"ResourceListings\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"ResidentUnits\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"PublishedResults\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"PointsAccountYears\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"PointsAccounts\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"PeriodPublications\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"OrgUnits\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"Needs\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"MicroWishes\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"Members\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"LedgerEntries\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.AddColumn<bool>(
                name: "AfterReminder",
                table: "LedgerEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ItemCode",
                table: "LedgerEntries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Points",
                table: "LedgerEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Instant>(
                name: "RecordedAt",
                table: "LedgerEntries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: NodaTime.Instant.FromUnixTimeTicks(0L));

            migrationBuilder.AddColumn<Instant>(
                name: "ReviewedAt",
                table: "LedgerEntries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "LedgerEntries",
                type: "text",
                nullable: true);

            migrationBuilder.Sql("ALTER TABLE \"Households\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"ContactLogs\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.CreateTable(
                name: "UnitLedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Document = table.Column<string>(type: "jsonb", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: true),
                    OccurredOn = table.Column<LocalDate>(type: "date", nullable: false),
                    RuleBookId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitLedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitPublications",
                columns: table => new
                {
                    Id_RuleBookId = table.Column<string>(type: "text", nullable: false),
                    Id_PeriodLabel = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<string>(type: "jsonb", nullable: false),
                    PeriodEnd = table.Column<LocalDate>(type: "date", nullable: false),
                    PeriodStart = table.Column<LocalDate>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitPublications", x => new { x.Id_RuleBookId, x.Id_PeriodLabel });
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnitLedgerEntries_IdempotencyKey",
                table: "UnitLedgerEntries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitLedgerEntries_OccurredOn",
                table: "UnitLedgerEntries",
                column: "OccurredOn");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLedgerEntries_RuleBookId",
                table: "UnitLedgerEntries",
                column: "RuleBookId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLedgerEntries_Status",
                table: "UnitLedgerEntries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_UnitLedgerEntries_Unit",
                table: "UnitLedgerEntries",
                column: "Unit");

            migrationBuilder.CreateIndex(
                name: "IX_UnitPublications_PeriodEnd",
                table: "UnitPublications",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_UnitPublications_PeriodStart",
                table: "UnitPublications",
                column: "PeriodStart");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnitLedgerEntries");

            migrationBuilder.DropTable(
                name: "UnitPublications");

            migrationBuilder.DropColumn(
                name: "AfterReminder",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "ItemCode",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "Points",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "LedgerEntries");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "WorkOrders",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "ServiceProjects",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "RuleBooks",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "RewardItems",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "ResourceListings",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "ResidentUnits",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "PublishedResults",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "PointsAccountYears",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "PointsAccounts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "PeriodPublications",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "OrgUnits",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "Needs",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "MicroWishes",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "Members",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "LedgerEntries",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "Households",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<string>(
                name: "Document",
                table: "ContactLogs",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "jsonb");
        }
    }
}
