using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ThruFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_StageSortRank_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "StageSortRank", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Status_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Status", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "RegistrationStatus", "RegistrationSubmittedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_StageSortRank_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "StageSortRank", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_StageSortRank_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Status_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_StageSortRank_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Stage", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Stage", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_RegistrationStatus_RegistrationSubmittedAt_Id",
                table: "Deals",
                columns: new[] { "RegistrationStatus", "RegistrationSubmittedAt", "Id" });
        }
    }
}
