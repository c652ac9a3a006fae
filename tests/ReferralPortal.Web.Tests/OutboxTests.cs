using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>The e-mail outbox: a failing sender loses nothing, and delivery is retried after the backoff.</summary>
public sealed class OutboxTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    [Fact]
    public async Task Failed_delivery_keeps_the_message_and_backs_off_before_the_next_attempt()
    {
        var id = await QueueAsync("backoff@example.com");
        var failing = new RecordingSender(fail: true);

        await DispatcherWith(failing).DeliverDueAsync(CancellationToken.None);

        var message = await LoadAsync(id);
        Assert.Null(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), message.NextAttemptAt);
        Assert.Equal("SMTP relay unavailable", message.LastError);
    }

    [Fact]
    public async Task Message_is_delivered_by_a_later_pass_after_the_sender_recovers()
    {
        var id = await QueueAsync("retry@example.com");
        await DispatcherWith(new RecordingSender(fail: true)).DeliverDueAsync(CancellationToken.None);
        var working = new RecordingSender(fail: false);

        await DispatcherWith(working).DeliverDueAsync(CancellationToken.None);
        Assert.DoesNotContain("retry@example.com", working.Sent);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await DispatcherWith(working).DeliverDueAsync(CancellationToken.None);

        Assert.Contains("retry@example.com", working.Sent);
        Assert.NotNull((await LoadAsync(id)).SentAt);
    }

    [Fact]
    public async Task A_slow_server_backs_off_from_each_failure_not_from_the_start_of_the_pass()
    {
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var first = await QueueAsync("slow-1@example.com");
        var second = await QueueAsync("slow-2@example.com");

        // Each attempt takes five minutes (an SMTP timeout) and fails: the second message is claimed and fails five
        // minutes after the pass started, and its one-minute backoff counts from its own failure.
        await DispatcherWith(new RecordingSender(fail: true, takes: TimeSpan.FromMinutes(5), clock: factory.Clock)).DeliverDueAsync(CancellationToken.None);

        // (Messages other tests left due are sent first in the same pass, each also taking five minutes.)
        var firstRetry = (await LoadAsync(first)).NextAttemptAt;
        Assert.True(firstRetry >= start.AddMinutes(6), $"first retry at {firstRetry:O}, pass started {start:O}");
        Assert.Equal(firstRetry.AddMinutes(5), (await LoadAsync(second)).NextAttemptAt);
    }

    [Fact]
    public async Task Two_dispatchers_in_parallel_send_each_message_once()
    {
        await QueueAsync("once@example.com");
        var sender = new RecordingSender(fail: false);

        await Task.WhenAll(DispatcherWith(sender).DeliverDueAsync(CancellationToken.None), DispatcherWith(sender).DeliverDueAsync(CancellationToken.None));

        Assert.Single(sender.Sent, to => to == "once@example.com");
    }

    private OutboxDispatcher DispatcherWith(IEmailSender sender) =>
        new(factory.NewDbContext(), factory.Clock, sender, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);

    private async Task<long> QueueAsync(string to)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var message = new EmailMessage(to, "Test", "Body", factory.Clock.GetUtcNow().UtcDateTime);
        db.EmailOutbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<EmailMessage> LoadAsync(long id)
    {
        await using var db = factory.NewDbContext();
        return await db.EmailOutbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private sealed class RecordingSender(bool fail, TimeSpan takes = default, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null) : IEmailSender
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            clock?.Advance(takes);
            if (fail)
            {
                throw new InvalidOperationException("SMTP relay unavailable");
            }

            Sent.Add(message.To);
            return Task.CompletedTask;
        }
    }
}
