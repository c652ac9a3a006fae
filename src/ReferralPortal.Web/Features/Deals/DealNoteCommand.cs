using FluentValidation;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Notifications;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>The "Add a note" form on the deal page.</summary>
public sealed class AddNoteInput
{
    public string? Text { get; set; }

    /// <summary>Vendor users only: keep the note inside the vendor (partners never see it).</summary>
    public bool VendorInternal { get; set; }
}

public sealed class AddNoteInputValidator : AbstractValidator<AddNoteInput>
{
    public AddNoteInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithMessage("Write the note.")
            .MaximumLength(DealNote.MaxLength).WithMessage($"A note can be at most {DealNote.MaxLength} characters.");
    }
}

/// <summary>
/// Adds a note to a deal's thread through the domain (which checks who may). A note only appends (the note, its
/// timeline entry, notifications) and moves the deal's "Last updated" forward; it changes nothing anyone else could
/// be editing, so it does not take part in the deal's concurrency check: the deal's own row is written with one
/// statement that only moves UpdatedAt forward, never with its Version, and two people adding notes at once (or a
/// note beside an edit or a decision) both succeed, without retries.
/// </summary>
public sealed class DealNoteCommand(ReferralsDbContext db, TimeProvider clock, DealNotifier notifier, Webhooks.WebhookEvents webhooks)
{
    /// <summary>False when the deal does not exist for this user.</summary>
    public async Task<bool> AddAsync(Actor actor, int dealId, AddNoteInput input, CancellationToken ct)
    {
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = deal.AddNote(actor, input.Text!, input.VendorInternal, now);
        await notifier.StageAsync(deal, NotificationRules.ForNote(deal, note), actor.UserId, now, ct);
        await webhooks.StageAsync(deal, deal.Activities.Last(a => a.Kind == ActivityKind.NoteAdded), note, now, ct);

        // The deal row itself is left out of the save (no version check, no version bump); its children are inserted.
        var entry = db.Entry(deal);
        var touched = entry.Property(d => d.UpdatedAt).IsModified ? deal.UpdatedAt : (DateTime?)null;
        entry.State = EntityState.Unchanged;

        // One transaction for the insert and the touch: the caller's, when it already runs one (it then decides).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        if (touched is { } at)
        {
            await db.Deals.Where(d => d.Id == dealId && d.UpdatedAt < at).ExecuteUpdateAsync(s => s.SetProperty(d => d.UpdatedAt, at), ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return true;
    }
}
