using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerfAttentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "RegistrationStatus", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "RegistrationStatus", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_RegistrationStatus_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_RegistrationStatus_UpdatedAt_Id",
                table: "Deals");
        }
    }
}
