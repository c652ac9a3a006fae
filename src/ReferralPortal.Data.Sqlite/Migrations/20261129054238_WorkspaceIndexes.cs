using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkspaceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_CustomerId",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_CustomerId_DealType",
                table: "Deals",
                columns: new[] { "CustomerId", "DealType" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_DealType_LocationCountry",
                table: "Deals",
                columns: new[] { "DealType", "LocationCountry" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_CustomerId_DealType",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_DealType_LocationCountry",
                table: "Deals");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_CustomerId",
                table: "Deals",
                column: "CustomerId");
        }
    }
}
