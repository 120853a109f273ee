using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoredFormsLedgerColumnsUnitPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AfterReminder",
                table: "LedgerEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ItemCode",
                table: "LedgerEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Points",
                table: "LedgerEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "RecordedAt",
                table: "LedgerEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "LedgerEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "LedgerEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnitLedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", nullable: true),
                    OccurredOn = table.Column<string>(type: "TEXT", nullable: false),
                    RuleBookId = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitLedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitPublications",
                columns: table => new
                {
                    Id_RuleBookId = table.Column<string>(type: "TEXT", nullable: false),
                    Id_PeriodLabel = table.Column<string>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<string>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
        }
    }
}
