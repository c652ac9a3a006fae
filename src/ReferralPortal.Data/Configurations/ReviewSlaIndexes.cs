using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Data.Configurations;

/// <summary>
/// The Review SLA view's reads (issue 19), each bounded by an index that holds exactly the columns it reads, so the
/// view costs the rows it counts, not the deals: the referrals awaiting a decision (a partial index of the New deals,
/// a 14-day window's worth), the submitted registrations by submission time (the Registrations tab's index),
/// and the decisions and expiries of the last 90 days (the activities by kind and time).
/// </summary>
public static class ReviewSlaIndexes
{
    public const string Awaiting = "IX_Deals_AwaitingReview";
    /// <summary>The submitted registrations by submission time: the Registrations tab's order index (DealConfiguration) serves the view too.</summary>
    public const string Registrations = "IX_Deals_DealType_RegistrationStatus_RegistrationSubmittedAt_Id";
    public const string Decisions = "IX_DealActivities_Kind_At_ActorUserId_DealId_ActorName";

    /// <summary>
    /// Fills <see cref="Deal.RegistrationSubmittedAt"/> for submitted registrations that predate it, with what the view
    /// aged them from before (the latest RegistrationSubmitted activity, else the last update): the same figures, now
    /// read from <see cref="Registrations"/>. The same SQL on every provider.
    /// </summary>
    public const string BackfillRegistrationSubmittedAtSql = """
        UPDATE "Deals" SET "RegistrationSubmittedAt" = COALESCE(
          (SELECT MAX(a."At") FROM "DealActivities" a WHERE a."DealId" = "Deals"."Id" AND a."Kind" = 'RegistrationSubmitted'), "UpdatedAt")
        WHERE "RegistrationStatus" = 'Submitted' AND "RegistrationSubmittedAt" IS NULL
        """;

    internal static void Apply(EntityTypeBuilder<Deal> b)
    {
        // Awaiting a decision (New and inside its window) by side, with the share or creation time it is aged from.
        // The filter's column is in the index too: SQLite (before 3.42) counts an index as covering only when it holds
        // every column the query names, and a partial index that is not covering loses to the wider non-partial one.
        b.HasIndex([nameof(Deal.DealType), nameof(Deal.Direction), nameof(Deal.Status), nameof(Deal.ReviewDueAt), nameof(Deal.SharedAt), nameof(Deal.CreatedAt)], Awaiting)
            .HasFilter($"\"{nameof(Deal.Status)}\" = '{nameof(DealStatus.New)}'");
    }

    internal static void Apply(EntityTypeBuilder<DealActivity> b) =>
        b.HasIndex([nameof(DealActivity.Kind), nameof(DealActivity.At), nameof(DealActivity.ActorUserId), nameof(DealActivity.DealId), nameof(DealActivity.ActorName)], Decisions);
}
