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

    private sealed class RecordingSender(bool fail) : IEmailSender
    {
        public System.Collections.Concurrent.ConcurrentBag<string> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            if (fail)
            {
                throw new InvalidOperationException("SMTP relay unavailable");
            }

            Sent.Add(message.To);
            return Task.CompletedTask;
        }
    }
}
