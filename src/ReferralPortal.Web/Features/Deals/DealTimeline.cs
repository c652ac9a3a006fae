using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>One activity log entry as a sentence: who did what (from → to), when, and why.</summary>
public sealed record TimelineEntry(string Sentence, DateTime At, string? Reason, string? Comment);

/// <summary>Turns the append-only activity log into readable sentences for the deal page.</summary>
public static class DealTimeline
{
    /// <summary>Newest first. Note entries are left out: the notes thread shows the notes themselves.</summary>
    public static IReadOnlyList<TimelineEntry> For(IEnumerable<DealActivity> activities) =>
        [.. activities
            .Where(a => a.Kind != ActivityKind.NoteAdded)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(Describe)];

    public static TimelineEntry Describe(DealActivity a)
    {
        var who = a.ActorUserId is null ? SharedResource.Text("The system") : a.ActorName;
        if (a.Field is { } field)
        {
            return new TimelineEntry(Change(who, a, field), a.At, null, null);
        }

        var what = SharedResource.Text(a.Kind switch
        {
            ActivityKind.Created => "created the referral",
            ActivityKind.Edited => "edited the deal details",
            ActivityKind.Accepted => "accepted the referral",
            ActivityKind.Declined => "declined the referral",
            ActivityKind.Expired => "expired the referral because the review window passed",
            ActivityKind.Won => "marked the deal won",
            ActivityKind.Lost => "marked the deal lost",
            ActivityKind.ClosedAsError => "closed the deal as an error",
            ActivityKind.UpgradedToCoSell => "upgraded the deal to co-sell and shared it with the vendor",
            ActivityKind.RegistrationSubmitted => "submitted the deal for registration",
            ActivityKind.RegistrationApproved => "approved the deal registration",
            ActivityKind.RegistrationRejected => "rejected the deal registration",
            ActivityKind.Withdrawn => "withdrew the referral",
            _ => "added a note",
        });
        var move = (a.FromStatus, a.ToStatus) switch
        {
            ({ } from, { } to) => $" ({Format.Status(from)} → {Format.Status(to)})",
            (null, { } to) => " " + SharedResource.Text("as {0}", Format.Status(to)),
            _ => string.Empty,
        };
        // The creation entry's comment is the system's own summary ("Private deal"), part of the sentence, not a quote.
        return a.Kind == ActivityKind.Created && a.Comment is { } summary
            ? new TimelineEntry(SharedResource.Text("{0} {1}{2}: {3}.", who, what, move, Lower(SharedResource.Text(summary))), a.At, ReasonLabel(a.Reason), null)
            : new TimelineEntry(SharedResource.Text("{0} {1}{2}.", who, what, move), a.At, ReasonLabel(a.Reason), a.Comment);
    }

    // "Ana Silva changed Value: €100,000.00 → €125,000.00.", "Ana Silva moved the stage: Accepted → Proposed."
    private static string Change(string who, DealActivity a, DealField field)
    {
        switch (a.Kind)
        {
            case ActivityKind.TeamMemberAdded:
                return SharedResource.Text("{0} added {1} to the deal team.", who, a.NewValue ?? string.Empty);
            case ActivityKind.TeamMemberRemoved:
                return a.CreatorLeft
                    ? SharedResource.Text("{0} removed {1}, who created the deal, from the deal team.", who, a.OldValue ?? string.Empty)
                    : SharedResource.Text("{0} removed {1} from the deal team.", who, a.OldValue ?? string.Empty);
            case ActivityKind.ReviewerAssigned:
                return SharedResource.Text("{0} assigned the deal to {1}.", who, a.NewValue ?? string.Empty);
            case ActivityKind.StageChanged:
                return SharedResource.Text("{0} moved the sales stage: {1} → {2}.", who, StageValue(a.OldValue), StageValue(a.NewValue));
            default:
                return SharedResource.Text("{0} changed {1}: {2} → {3}.", who, FieldName(field), Value(field, a.OldValue), Value(field, a.NewValue));
        }
    }

    public static string FieldName(DealField field) => SharedResource.Text(field switch
    {
        DealField.Name => "Deal name",
        DealField.Value => "Value",
        DealField.CloseDate => "Estimated close date",
        DealField.Placeholder => "Placeholder data",
        DealField.Notes => "Notes",
        DealField.Solutions => "Solutions",
        DealField.Contact => "Customer contact",
        DealField.Stage => "Sales stage",
        DealField.Reviewer => "Reviewer",
        _ => "Deal team",
    });

    private static string StageValue(string? stored) =>
        Enum.TryParse<SalesStage>(stored, out var s) && Enum.IsDefined(s) && !int.TryParse(stored, out _) ? Format.Stage(s) : stored ?? "—";

    private static string Value(DealField field, string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return "—";
        }

        return field switch
        {
            DealField.Value when DealFieldValues.ParseMoney(stored) is { } m => Format.Money(m.Value, m.Currency),
            DealField.CloseDate when DealFieldValues.ParseDate(stored) is { } d => Format.Date(d),
            DealField.Placeholder => SharedResource.Text(stored == "true" ? "Yes" : "No"),
            DealField.Notes when stored.Length > 120 => $"“{stored[..117]}…”",
            DealField.Notes => $"“{stored}”",
            _ => stored,
        };
    }

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    // Close and error reasons are stored as enum names; a registration rejection reason is the reviewer's own words.
    private static string? ReasonLabel(string? reason) =>
        reason is null ? null
        : Enum.TryParse<CloseReason>(reason, out var close) && Enum.IsDefined(close) && !int.TryParse(reason, out _) ? Format.Reason(close)
        : Enum.TryParse<ErrorReason>(reason, out var error) && Enum.IsDefined(error) && !int.TryParse(reason, out _) ? Format.Reason(error)
        : reason;
}
