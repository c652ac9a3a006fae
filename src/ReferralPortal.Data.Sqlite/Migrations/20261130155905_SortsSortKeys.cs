using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SortsSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerSortName",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PartnerSortName",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SolutionsSortName",
                table: "Deals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StageSortRank",
                table: "Deals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Every existing deal's keys, before the indexes over them are built.
            migrationBuilder.Sql(ReferralPortal.Data.DealSortKeys.RefreshSql("1 = 1"));

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_CustomerSortName_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "CustomerSortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_PartnerSortName_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "PartnerSortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_SolutionsSortName_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "SolutionsSortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_Direction_StageSortRank_Id",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "StageSortRank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_CustomerSortName_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "CustomerSortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_SolutionsSortName_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "SolutionsSortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_StageSortRank_Id",
                table: "Deals",
                columns: new[] { "OwnerOrganisationId", "Direction", "StageSortRank", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_CustomerSortName",
                table: "Deals",
                columns: new[] { "DealType", "CustomerSortName", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_Id",
                table: "Deals",
                columns: new[] { "DealType", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_LocationCountry",
                table: "Deals",
                columns: new[] { "DealType", "LocationCountry", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_Name",
                table: "Deals",
                columns: new[] { "DealType", "Name", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_PartnerSortName",
                table: "Deals",
                columns: new[] { "DealType", "PartnerSortName", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_ReviewDueAt",
                table: "Deals",
                columns: new[] { "DealType", "ReviewDueAt", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_SolutionsSortName",
                table: "Deals",
                columns: new[] { "DealType", "SolutionsSortName", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_StageSortRank",
                table: "Deals",
                columns: new[] { "DealType", "StageSortRank", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_Status",
                table: "Deals",
                columns: new[] { "DealType", "Status", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_Value",
                table: "Deals",
                columns: new[] { "DealType", "Value", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_CustomerSortName_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_PartnerSortName_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_SolutionsSortName_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_Direction_StageSortRank_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_CustomerSortName_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_SolutionsSortName_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_OwnerOrganisationId_Direction_StageSortRank_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_CustomerSortName",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_LocationCountry",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_Name",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_PartnerSortName",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_ReviewDueAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_SolutionsSortName",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_StageSortRank",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_Status",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_Registrations_Value",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "CustomerSortName",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "PartnerSortName",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "SolutionsSortName",
                table: "Deals");

            migrationBuilder.DropColumn(
                name: "StageSortRank",
                table: "Deals");
        }
    }
}
