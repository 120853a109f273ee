using Microsoft.EntityFrameworkCore.Migrations;
using NodaTime;

#nullable disable

namespace GridGovernance.EntityFrameworkCore.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactLogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactLogs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households_Units_Segments",
                columns: table => new
                {
                    Owner_Id = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<LocalDate>(type: "date", nullable: false),
                    Until = table.Column<LocalDate>(type: "date", nullable: true),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households_Units_Segments", x => new { x.Owner_Id, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "text", nullable: true),
                    Member = table.Column<int>(type: "integer", nullable: false),
                    OccurredOn = table.Column<LocalDate>(type: "date", nullable: false),
                    ReversalOf = table.Column<long>(type: "bigint", nullable: true),
                    RuleBookId = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members_Branches_Segments",
                columns: table => new
                {
                    Owner_Id = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<LocalDate>(type: "date", nullable: false),
                    Until = table.Column<LocalDate>(type: "date", nullable: true),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members_Branches_Segments", x => new { x.Owner_Id, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "Members_DualRegistrations",
                columns: table => new
                {
                    Owner_Id = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    Validity_From = table.Column<LocalDate>(type: "date", nullable: false),
                    Validity_Until = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members_DualRegistrations", x => new { x.Owner_Id, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "Members_Roles",
                columns: table => new
                {
                    Owner_Id = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "text", nullable: true),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    Validity_From = table.Column<LocalDate>(type: "date", nullable: false),
                    Validity_Until = table.Column<LocalDate>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members_Roles", x => new { x.Owner_Id, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "MicroWishes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MicroWishes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Needs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Project = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Needs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: true),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrgUnits_Parents_Segments",
                columns: table => new
                {
                    Owner_Id = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<LocalDate>(type: "date", nullable: false),
                    Until = table.Column<LocalDate>(type: "date", nullable: true),
                    Value = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgUnits_Parents_Segments", x => new { x.Owner_Id, x.Ordinal });
                });

            migrationBuilder.CreateTable(
                name: "PeriodPublications",
                columns: table => new
                {
                    Id_RuleBookId = table.Column<string>(type: "text", nullable: false),
                    Id_PeriodLabel = table.Column<string>(type: "text", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    PeriodEnd = table.Column<LocalDate>(type: "date", nullable: false),
                    PeriodStart = table.Column<LocalDate>(type: "date", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodPublications", x => new { x.Id_RuleBookId, x.Id_PeriodLabel });
                });

            migrationBuilder.CreateTable(
                name: "PointsAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResidentUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    PartyOrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResourceListings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceListings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RewardItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    CompletedOn = table.Column<LocalDate>(type: "date", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ClosedAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Document = table.Column<string>(type: "text", nullable: false),
                    DueAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    FiledAt = table.Column<Instant>(type: "timestamp with time zone", nullable: false),
                    RemindAt = table.Column<Instant>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_UnitId",
                table: "Households",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_IdempotencyKey",
                table: "LedgerEntries",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Member",
                table: "LedgerEntries",
                column: "Member");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OccurredOn",
                table: "LedgerEntries",
                column: "OccurredOn");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversalOf",
                table: "LedgerEntries",
                column: "ReversalOf");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_RuleBookId",
                table: "LedgerEntries",
                column: "RuleBookId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Status",
                table: "LedgerEntries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Members_BranchId",
                table: "Members",
                column: "BranchId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Name",
                table: "Members",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_MicroWishes_Status",
                table: "MicroWishes",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Project",
                table: "Needs",
                column: "Project");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_Kind",
                table: "OrgUnits",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_Name",
                table: "OrgUnits",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_ParentId",
                table: "OrgUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodPublications_PeriodEnd",
                table: "PeriodPublications",
                column: "PeriodEnd");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodPublications_PeriodStart",
                table: "PeriodPublications",
                column: "PeriodStart");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentUnits_Name",
                table: "ResidentUnits",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentUnits_PartyOrganisationId",
                table: "ResidentUnits",
                column: "PartyOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProjects_CompletedOn",
                table: "ServiceProjects",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProjects_Status",
                table: "ServiceProjects",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_ClosedAt",
                table: "WorkOrders",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_DueAt",
                table: "WorkOrders",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_FiledAt",
                table: "WorkOrders",
                column: "FiledAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_RemindAt",
                table: "WorkOrders",
                column: "RemindAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Status",
                table: "WorkOrders",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_Unit",
                table: "WorkOrders",
                column: "Unit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactLogs");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "Households_Units_Segments");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "Members_Branches_Segments");

            migrationBuilder.DropTable(
                name: "Members_DualRegistrations");

            migrationBuilder.DropTable(
                name: "Members_Roles");

            migrationBuilder.DropTable(
                name: "MicroWishes");

            migrationBuilder.DropTable(
                name: "Needs");

            migrationBuilder.DropTable(
                name: "OrgUnits");

            migrationBuilder.DropTable(
                name: "OrgUnits_Parents_Segments");

            migrationBuilder.DropTable(
                name: "PeriodPublications");

            migrationBuilder.DropTable(
                name: "PointsAccounts");

            migrationBuilder.DropTable(
                name: "ResidentUnits");

            migrationBuilder.DropTable(
                name: "ResourceListings");

            migrationBuilder.DropTable(
                name: "RewardItems");

            migrationBuilder.DropTable(
                name: "ServiceProjects");

            migrationBuilder.DropTable(
                name: "WorkOrders");
        }
    }
}
