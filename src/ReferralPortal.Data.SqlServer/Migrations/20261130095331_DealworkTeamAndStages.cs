using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class DealworkTeamAndStages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReferralUserDealAccess",
                table: "Organisations",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "AllDeals");

            migrationBuilder.AddColumn<string>(
                name: "Stage",
                table: "Deals",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CreatorLeft",
                table: "DealActivities",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Field",
                table: "DealActivities",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NewValue",
                table: "DealActivities",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldValue",
                table: "DealActivities",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DealTeamMembers",
                columns: table => new
                {
                    DealId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealTeamMembers", x => new { x.DealId, x.UserId });
                    table.ForeignKey(
                        name: "FK_DealTeamMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DealTeamMembers_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DealTeamMembers_UserId_DealId",
                table: "DealTeamMembers",
                columns: new[] { "UserId", "DealId" });

            // Existing deals: an Active one starts at the Accepted stage, a Won one has completed the stages, and the
            // creator of an outbound deal is its first team member (as new deals do).
            migrationBuilder.Sql("UPDATE Deals SET Stage = 'Accepted' WHERE Status = 'Active'");
            migrationBuilder.Sql("UPDATE Deals SET Stage = 'Won' WHERE Status = 'Won'");
            migrationBuilder.Sql(
                "INSERT INTO DealTeamMembers (DealId, UserId, AddedAt) SELECT d.Id, d.CreatedByUserId, d.CreatedAt FROM Deals d "
                + "WHERE d.Direction = 'Outbound' AND EXISTS (SELECT 1 FROM AspNetUsers u WHERE u.Id = d.CreatedByUserId AND u.OrganisationId = d.OwnerOrganisationId)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealTeamMembers");

            migrationBuilder.DropColumn(
                name: "ReferralUserDealAccess",
                table: "Organisations");

            migrationBuilder.DropColumn(
                name: "Stage",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "CreatorLeft",
                table: "DealActivities");

            migrationBuilder.DropColumn(
                name: "Field",
                table: "DealActivities");

            migrationBuilder.DropColumn(
                name: "NewValue",
                table: "DealActivities");

            migrationBuilder.DropColumn(
                name: "OldValue",
                table: "DealActivities");
        }
    }
}
