using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ReferralPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TriageSolutionAreasAndConflicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Area",
                table: "Solutions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedReviewerId",
                table: "Deals",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedReviewerName",
                table: "Deals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegistrationSubmittedAt",
                table: "Deals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchKey",
                table: "Customers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DealConflicts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LowDealId = table.Column<int>(type: "integer", nullable: false),
                    HighDealId = table.Column<int>(type: "integer", nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClearedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ClearedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DealConflicts_Deals_HighDealId",
                        column: x => x.HighDealId,
                        principalTable: "Deals",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_DealConflicts_Deals_LowDealId",
                        column: x => x.LowDealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_CustomerId_Status",
                table: "Deals",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_AssignedReviewerId_Status",
                table: "Deals",
                columns: new[] { "DealType", "AssignedReviewerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_OwnerOrganisationId_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "OwnerOrganisationId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals",
                columns: new[] { "RegistrationStatus", "RegistrationSubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Country_MatchKey",
                table: "Customers",
                columns: new[] { "Country", "MatchKey" });

            migrationBuilder.CreateIndex(
                name: "IX_DealConflicts_HighDealId_LowDealId",
                table: "DealConflicts",
                columns: new[] { "HighDealId", "LowDealId" });

            migrationBuilder.CreateIndex(
                name: "IX_DealConflicts_LowDealId_HighDealId",
                table: "DealConflicts",
                columns: new[] { "LowDealId", "HighDealId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealConflicts");

            migrationBuilder.DropIndex(
                name: "IX_Deals_CustomerId_Status",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_AssignedReviewerId_Status",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_OwnerOrganisationId_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Customers_Country_MatchKey",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "Area",
                table: "Solutions");

            migrationBuilder.DropColumn(
                name: "AssignedReviewerId",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "AssignedReviewerName",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "RegistrationSubmittedAt",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "MatchKey",
                table: "Customers");
        }
    }
}
