using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CountryStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Status",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "LocationCountry", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Status",
                table: "Deals");
        }
    }
}
