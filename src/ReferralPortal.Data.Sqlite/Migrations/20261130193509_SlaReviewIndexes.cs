using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SlaReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Submitted registrations from before RegistrationSubmittedAt: the view reads the column from an index now.
            migrationBuilder.Sql(ReferralPortal.Data.Configurations.ReviewSlaIndexes.BackfillRegistrationSubmittedAtSql);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AwaitingReview",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Status", "ReviewDueAt", "SharedAt", "CreatedAt" },
                filter: "\"Status\" = 'New'");

            migrationBuilder.CreateIndex(
                name: "IX_DealActivities_Kind_At_ActorUserId_DealId_ActorName",
                table: "DealActivities",
                columns: new[] { "Kind", "At", "ActorUserId", "DealId", "ActorName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_AwaitingReview",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_DealActivities_Kind_At_ActorUserId_DealId_ActorName",
                table: "DealActivities");
        }
    }
}
