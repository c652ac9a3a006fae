using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PerfInsightsRollupsAndSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DealRollups",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    DealType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    ValueCents = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DealRollups", x => new { x.OrganisationId, x.Dimension, x.DealType, x.Key, x.Currency });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Id" });

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
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Stage", "UpdatedAt", "Id" });

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
                name: "IX_Deals_DealType_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "DealType", "RegistrationStatus", "UpdatedAt", "Id" });

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
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Stage", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Status_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Value_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "Value", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "RegistrationStatus", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_RegistrationStatus_UpdatedAt_Id",
                table: "Deals",
                columns: new[] { "RegistrationStatus", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DealRollups_Dimension_DealType_Currency_Key_Count_ValueCents",
                table: "DealRollups",
                columns: new[] { "Dimension", "DealType", "Currency", "Key", "Count", "ValueCents" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DealRollups");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_Id",
                table: "Deals");

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
                name: "IX_Deals_DealType_Direction_Stage_UpdatedAt_Id",
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
                name: "IX_Deals_DealType_RegistrationStatus_UpdatedAt_Id",
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
                name: "IX_Deals_OwnerOrganisationId_Direction_Stage_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Status_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_Value_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_RegistrationStatus_UpdatedAt_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_RegistrationStatus_UpdatedAt_Id",
                table: "Deals");
        }
    }
}
