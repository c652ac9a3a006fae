using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PerfSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_LocationCountry_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "LocationCountry", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Name_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_RegistrationStatus_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "RegistrationStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_ReviewDueAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "ReviewDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Status_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Value_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_DealType_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "DealType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "LocationCountry", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Name_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Name", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_RegistrationStatus_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "RegistrationStatus", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_ReviewDueAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "ReviewDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Status_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Value_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "RegistrationStatus", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_LocationCountry_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Name_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_RegistrationStatus_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_ReviewDueAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Status_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Value_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_DealType_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_LocationCountry_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Name_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_RegistrationStatus_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_ReviewDueAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Status_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Value_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_RegistrationStatus_UpdatedAt_Id",
                table: "Deals");
        }
    }
}
