using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceCountryStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Status_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "LocationCountry", "Status", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Status_UpdatedAt_Id",
                table: "Deals");
        }
    }
}
