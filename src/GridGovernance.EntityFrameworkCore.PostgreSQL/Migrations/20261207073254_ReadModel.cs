using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.PostgreSQL.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResponsibleUnit",
                table: "WorkOrders",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ResponsibleUnit",
                table: "WorkOrders",
                column: "ResponsibleUnit");

            // The read model (docs/storage.md, "A read model for a city's other systems"): the new columns filled from
            // the stored documents, then the views.
            migrationBuilder.Sql(NpgsqlReadModel.FillColumns);
            migrationBuilder.Sql(NpgsqlReadModel.CreateViews);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(NpgsqlReadModel.DropViews);

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
