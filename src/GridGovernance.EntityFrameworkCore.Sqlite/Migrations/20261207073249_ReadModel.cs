using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "WorkOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponsibleUnit",
                table: "WorkOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ResponsibleUnit",
                table: "WorkOrders",
                column: "ResponsibleUnit");

            // The read model (docs/storage.md, "A read model for a city's other systems"): the new columns filled from
            // the stored documents, then the views.
            migrationBuilder.Sql(SqliteReadModel.FillColumns);
            migrationBuilder.Sql(SqliteReadModel.CreateViews);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteReadModel.DropViews);

            migrationBuilder.DropIndex(
                name: "IX_WorkOrders_ResponsibleUnit",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "ResponsibleUnit",
                table: "WorkOrders");
        }
    }
}
