using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class ReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
