using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Notifications;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>
/// Delivers due outbox messages. A message is claimed by a conditional UPDATE that pushes its next
/// attempt out by a lease, so two instances never send the same message at once; a failure backs off
/// (<see cref="EmailMessage.MarkFailed"/>) and the message stays in the outbox until it is delivered.
/// </summary>
public sealed class OutboxDispatcher(ReferralsDbContext db, TimeProvider clock, IEmailSender sender, IOptions<EmailOptions> options, ILogger<OutboxDispatcher> log)
{
    /// <returns>How many messages were delivered in this pass.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.EmailOutbox.AsNoTracking()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.NextAttemptAt })
            .Take(options.Value.OutboxBatchSize)
            .ToListAsync(ct);
        var delivered = 0;
        foreach (var item in due)
        {
            var lease = now + options.Value.ClaimLease;
            if (await ClaimAsync(db, item.Id, item.NextAttemptAt, lease, ct) == 0)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var message = await db.EmailOutbox.FirstAsync(m => m.Id == item.Id, ct);
            try
            {
                await sender.SendAsync(message, ct);
                message.MarkSent(now);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkFailed(e.Message, now);
                if (message.Attempts >= EmailMessage.MaxAttempts)
                {
                    log.LogError(e, "E-mail {Id} still undelivered after {Attempts} attempts; retrying at {Next}", message.Id, message.Attempts, message.NextAttemptAt);
                }
                else
                {
                    log.LogWarning(e, "E-mail {Id} failed (attempt {Attempts}); retrying at {Next}", message.Id, message.Attempts, message.NextAttemptAt);
                }
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }

    /// <summary>
    /// Takes one message for this instance: pushes its next attempt out to <paramref name="lease"/>, only if it is unsent
    /// and nobody moved it since it was read at <paramref name="seen"/>. 1 = ours; 0 = another instance has it. On a
    /// server database the loser's UPDATE waits for the winner's row lock and then matches nothing.
    /// </summary>
    internal static Task<int> ClaimAsync(ReferralsDbContext db, long id, DateTime seen, DateTime lease, CancellationToken ct) => db.EmailOutbox
        .Where(m => m.Id == id && m.SentAt == null && m.NextAttemptAt == seen)
        .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, lease), ct);
}

/// <summary>Runs the <see cref="OutboxDispatcher"/> every <c>Email:OutboxInterval</c>.</summary>
public sealed class OutboxJob(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<OutboxJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.OutboxEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.OutboxInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Outbox pass failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
