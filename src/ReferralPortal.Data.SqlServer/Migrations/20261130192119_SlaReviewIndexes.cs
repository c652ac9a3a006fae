using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralPortal.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SlaReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Submitted registrations from before RegistrationSubmittedAt, before the index over it is built.
            migrationBuilder.Sql(ReferralPortal.Data.Configurations.ReviewSlaIndexes.BackfillRegistrationSubmittedAtSql);

            migrationBuilder.CreateIndex(
                name: "IX_Deals_AwaitingReview",
                table: "Deals",
                columns: new[] { "DealType", "Direction", "Status", "ReviewDueAt", "SharedAt", "CreatedAt" },
                filter: "\"Status\" = 'New'");

            migrationBuilder.CreateIndex(
                name: "IX_Deals_Registrations_RegistrationSubmittedAt",
                table: "Deals",
                columns: new[] { "DealType", "RegistrationStatus", "RegistrationSubmittedAt", "Id" },
                filter: "\"RegistrationStatus\" = 'Submitted'");

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
                name: "IX_Deals_Registrations_RegistrationSubmittedAt",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_DealActivities_Kind_At_ActorUserId_DealId_ActorName",
                table: "DealActivities");
        }
    }
}
