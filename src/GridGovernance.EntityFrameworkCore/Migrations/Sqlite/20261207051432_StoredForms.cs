using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
