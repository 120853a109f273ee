using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.Migrations.Npgsql
{
    /// <inheritdoc />
    public partial class StoredForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Documents become jsonb (issue 15). The text they hold is JSON already (the pre-0.4 documents, version 0 of each
            // stored form, are upgraded when they are read), so a cast converts them; EF Core's AlterColumn writes no USING.
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

            migrationBuilder.Sql("ALTER TABLE \"Households\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");

            migrationBuilder.Sql("ALTER TABLE \"ContactLogs\" ALTER COLUMN \"Document\" TYPE jsonb USING \"Document\"::jsonb;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"WorkOrders\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"ServiceProjects\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"RuleBooks\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"RewardItems\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"ResourceListings\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"ResidentUnits\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"PublishedResults\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"PointsAccountYears\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"PointsAccounts\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"PeriodPublications\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"OrgUnits\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"Needs\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"MicroWishes\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"Members\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"LedgerEntries\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"Households\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");

            migrationBuilder.Sql("ALTER TABLE \"ContactLogs\" ALTER COLUMN \"Document\" TYPE text USING \"Document\"::text;");
        }
    }
}
