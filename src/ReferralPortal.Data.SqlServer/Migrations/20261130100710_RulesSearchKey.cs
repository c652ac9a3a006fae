using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <summary>Deals get the domain's accent- and case-free search key; customers' keys are recomputed with the same rule.</summary>
    public partial class RulesSearchKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalisedName",
                table: "Deals",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
            SearchKeyBackfill.Recompute(migrationBuilder, "Deals");
            SearchKeyBackfill.Recompute(migrationBuilder, "Customers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NormalisedName",
                table: "Deals");
        }
    }
}
