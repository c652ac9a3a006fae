using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PerfTypeAndStageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Stage", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Stage", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals");
        }
    }
}
