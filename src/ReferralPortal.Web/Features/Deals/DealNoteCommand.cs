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

/// <summary>Adds a note to a deal's thread through the domain (which checks who may).</summary>
public sealed class DealNoteCommand(ReferralsDbContext db, TimeProvider clock, DealNotifier notifier, Webhooks.WebhookEvents webhooks)
{
    /// <summary>False when the deal does not exist for this user.</summary>
    public async Task<bool> AddAsync(Actor actor, int dealId, AddNoteInput input, CancellationToken ct)
    {
        // Notes only append, so a concurrent change to the deal is no conflict: reload and add once more.
        for (var attempt = 1; ; attempt++)
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
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The staged notifications were cleared with the note: the next attempt stages them again.
                db.ChangeTracker.Clear();
            }
        }
    }
}
