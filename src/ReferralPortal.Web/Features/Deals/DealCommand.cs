using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Deals;

public enum DealCommandOutcome
{
    Done,
    NotFound,

    /// <summary>Someone else changed the deal between our read and our write; nothing was saved.</summary>
    Conflict,
}

/// <summary>
/// Every lifecycle step the same way: load the deal tracked, let the domain method decide (it throws when
/// the actor may not), stage the notifications, save once. A form posted from a page that showed an older
/// Version is a conflict before anything is tried; the Version token makes the save fail when another
/// request changed the deal meanwhile, so exactly one of two racing decisions is applied.
/// </summary>
public sealed class DealCommand(ReferralsDbContext db, CurrentTenant current, TimeProvider clock, DealNotifier notifier, Triage.ChannelConflicts conflicts, Webhooks.WebhookEvents webhooks)
{
    /// <param name="seenVersion">The Version the user's page showed; a different current Version means the page was stale.</param>
    public async Task<DealCommandOutcome> RunAsync(int dealId, int? seenVersion, Action<Deal, Actor, DateTime> change, CancellationToken ct)
    {
        var actor = current.Actor;
        var deal = await db.Deals.Include(d => d.Solutions).Include(d => d.Team).FirstOrDefaultAsync(d => d.Id == dealId, ct);
        if (deal is null || !deal.IsVisibleTo(actor))
        {
            return DealCommandOutcome.NotFound;
        }

        if (seenVersion is int seen && seen != deal.Version)
        {
            return DealCommandOutcome.Conflict;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = deal.Activities.Count;
        change(deal, actor, now);
        var added = deal.Activities.Skip(before).ToList();
        foreach (var entry in added)
        {
            await notifier.StageAsync(deal, NotificationRules.For(deal, entry.Kind, entry.Reason), actor.UserId, now, ct);
            await webhooks.StageAsync(deal, entry, null, now, ct);
        }

        if (!await db.TrySaveChangesAsync(ct))
        {
            return DealCommandOutcome.Conflict;
        }

        // Channel conflicts (issue 19): upgraded, submitted for registration, registration decided.
        if (added.Any(a => Triage.ChannelConflicts.Triggers(a.Kind)))
        {
            await conflicts.AfterSaveAsync(deal.Id, ct);
        }

        return DealCommandOutcome.Done;
    }
}
