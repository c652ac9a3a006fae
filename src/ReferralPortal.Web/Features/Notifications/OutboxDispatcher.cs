using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Infrastructure;

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
            // The lease counts from the claim, not from the pass's start (as the webhook worker's): a pass slowed by a
            // slow SMTP server must not hand out leases already over.
            if (await ClaimAsync(db, item.Id, item.NextAttemptAt, clock.GetUtcNow().UtcDateTime + options.Value.ClaimLease, ct) == 0)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var message = await db.EmailOutbox.FirstAsync(m => m.Id == item.Id, ct);
            try
            {
                await sender.SendAsync(message, ct);
                message.MarkSent(clock.GetUtcNow().UtcDateTime);
                delivered++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkFailed(e.Message, clock.GetUtcNow().UtcDateTime);

                // An SMTP server's answer often quotes the recipient's address: log its status code, not its text.
                var logged = e is SmtpException ? null : e;
                var failure = e is SmtpException smtp ? $"SMTP {smtp.StatusCode}" : e.GetType().Name;
                if (message.Attempts >= EmailMessage.MaxAttempts)
                {
                    log.LogError(logged, "E-mail {Id} still undelivered after {Attempts} attempts ({Failure}); retrying at {Next}", message.Id, message.Attempts, failure, message.NextAttemptAt);
                }
                else
                {
                    log.LogWarning(logged, "E-mail {Id} failed (attempt {Attempts}, {Failure}); retrying at {Next}", message.Id, message.Attempts, failure, message.NextAttemptAt);
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
public sealed class OutboxJob(IServiceScopeFactory scopes, IOptions<EmailOptions> options, ILogger<OutboxJob> log) : PeriodicJob(scopes, log)
{
    protected override bool Enabled => options.Value.OutboxEnabled;

    protected override TimeSpan Interval => options.Value.OutboxInterval;

    protected override string Name => "Outbox";

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(ct);
}
