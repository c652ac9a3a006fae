using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Deals;

public sealed record SweepResult(int Expired, int Reminded);

/// <summary>
/// One pass of the review-window job: expires New deals whose window has passed and sends the
/// "3 days left" reminders. Safe when several app instances sweep the same database at once:
/// each expiry is a save guarded by the deal's Version (the loser's UPDATE matches no row and is
/// dropped with its activity entry), and each reminder is claimed by a conditional UPDATE first.
/// </summary>
public sealed class ReviewWindowSweep(ReferralsDbContext db, TimeProvider clock, DealNotifier notifier, ILogger<ReviewWindowSweep> log, Webhooks.WebhookEvents webhooks)
{
    private const int BatchSize = 200;

    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var overdue = await db.Deals.AsNoTracking()
            .Where(ReviewState.Overdue.At(now))
            .OrderBy(d => d.ReviewDueAt).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
        var expired = 0;
        foreach (var id in overdue)
        {
            expired += await ExpireAsync(id, now, ct) ? 1 : 0;
        }

        var dueSoon = await db.Deals.AsNoTracking()
            .Where(ReviewState.ReminderDue.At(now))
            .OrderBy(d => d.ReviewDueAt).Select(d => d.Id).Take(BatchSize).ToListAsync(ct);
        var reminded = 0;
        foreach (var id in dueSoon)
        {
            reminded += await RemindAsync(id, now, ct) ? 1 : 0;
        }

        if (expired + reminded > 0)
        {
            log.LogInformation("Review window sweep expired {Expired} deals and sent {Reminded} reminders", expired, reminded);
        }

        return new SweepResult(expired, reminded);
    }

    private async Task<bool> ExpireAsync(int id, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (deal is null || !deal.IsReviewOverdue(now))
        {
            return false;
        }

        deal.Expire(now);
        await notifier.StageAsync(deal, NotificationRules.For(deal, ActivityKind.Expired, null), null, now, ct);
        await webhooks.StageAsync(deal, deal.Activities.Last(a => a.Kind == ActivityKind.Expired), null, now, ct);
        // UPDATE … WHERE Id = @id AND Version = @read, in one transaction with the activity entry; false when another
        // instance expired it, or someone decided it, after we read it: nothing of ours was saved.
        return await db.TrySaveChangesAsync(ct);
    }

    private async Task<bool> RemindAsync(int id, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // The claim does not bump Version: a reminder must not make a reviewer's decision fail as "changed".
        var claimed = await db.Deals
            .Where(d => d.Id == id).Where(ReviewState.ReminderDue.At(now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewReminderSentAt, now), ct);
        if (claimed == 0)
        {
            await tx.RollbackAsync(ct);
            return false;
        }

        var deal = await db.Deals.AsNoTracking().FirstAsync(d => d.Id == id, ct);
        await notifier.StageAsync(deal, NotificationRules.Reminder(deal), null, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
