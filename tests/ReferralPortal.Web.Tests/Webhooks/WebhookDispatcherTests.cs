using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Features.Webhooks;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>
/// The webhook worker against a real receiver on loopback: Standard Webhooks signatures (checked by the receiver's own
/// implementation), the retry schedule on the fake clock, 410 Gone, the 1 KB answer limit, the 10 s timeout, the
/// rotation overlap, and one delivery per message with two workers.
/// </summary>
public sealed class WebhookDispatcherTests(WebhookPortalFactory factory) : IClassFixture<WebhookPortalFactory>
{
    private readonly WebhookWorld world = new(factory);

    [Fact]
    public async Task Delivery_is_signed_per_Standard_Webhooks_and_the_receivers_own_check_accepts_it()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, secret) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var queued = await world.QueueAsync(endpoint);

        await world.DeliverAsync();

        var message = Assert.Single(receiver.Received);
        Assert.True(WebhookReceiver.Verifies(secret, message));
        Assert.Equal(queued.MessageId, message.Id);
        Assert.StartsWith("msg_", message.Id, StringComparison.Ordinal);
        Assert.Equal(factory.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), message.Timestamp);
        Assert.Equal(queued.Payload, message.Body);
        var delivery = Assert.Single(await world.DeliveriesAsync(endpoint));
        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal(200, Assert.Single(await world.AttemptsAsync(delivery.Id)).StatusCode);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_by_the_receivers_check()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        await world.QueueAsync(endpoint);

        await world.DeliverAsync();

        Assert.False(WebhookReceiver.Verifies(WebhookSecrets.New(), Assert.Single(receiver.Received)));
    }

    [Fact]
    public async Task Failed_attempts_retry_on_the_schedule_with_jitter_for_at_least_24_hours_then_the_message_fails()
    {
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = _ => Task.FromResult((503, "busy"));
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var queued = await world.QueueAsync(endpoint);
        var first = factory.Clock.GetUtcNow().UtcDateTime;

        var waits = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            var before = factory.Clock.GetUtcNow().UtcDateTime;
            await world.DeliverAsync();
            var delivery = (await world.DeliveriesAsync(endpoint)).Single();
            Assert.Equal(attempt, delivery.Attempts);
            if (delivery.State == WebhookDeliveryState.Failed)
            {
                break;
            }

            waits.Add(delivery.NextAttemptAt - before);
            factory.Clock.Advance(delivery.NextAttemptAt - before);
        }

        var final = (await world.DeliveriesAsync(endpoint)).Single();
        Assert.Equal(WebhookDeliveryState.Failed, final.State);
        Assert.Equal(queued.MessageId, final.MessageId);
        Assert.True(factory.Clock.GetUtcNow().UtcDateTime - first >= TimeSpan.FromHours(24), $"Gave up after {factory.Clock.GetUtcNow().UtcDateTime - first}.");
        for (var i = 0; i < waits.Count; i++)
        {
            var planned = WebhookDelivery.RetrySchedule[Math.Min(i, WebhookDelivery.RetrySchedule.Count - 1)];
            Assert.InRange(waits[i], planned * 0.8, planned * 1.2);
        }

        Assert.Equal(final.Attempts, receiver.Received.Count);
        Assert.All(receiver.Received, m => Assert.Equal(queued.MessageId, m.Id));
        Assert.All(await world.AttemptsAsync(final.Id), a => Assert.Equal(503, a.StatusCode));
    }

    [Fact]
    public async Task An_endpoint_answering_410_Gone_is_disabled_and_gets_no_more_attempts()
    {
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = _ => Task.FromResult((410, string.Empty));
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        await world.QueueAsync(endpoint);

        await world.DeliverAsync();
        await world.QueueAsync(endpoint);
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await world.DeliverAsync();

        var disabled = await world.LoadEndpointAsync(endpoint);
        Assert.False(disabled.IsEnabled);
        Assert.Equal("410 Gone", disabled.DisabledReason);
        Assert.Single(receiver.Received);
        var deliveries = await world.DeliveriesAsync(endpoint);
        Assert.Equal(WebhookDeliveryState.Failed, deliveries[0].State);
        Assert.Equal(0, deliveries[1].Attempts);
    }

    [Fact]
    public async Task Only_the_first_kilobyte_of_the_receivers_answer_is_kept()
    {
        using var receiver = WebhookReceiver.Start();
        receiver.Respond = _ => Task.FromResult((200, new string('é', 600) + new string('x', 5000)));
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var queued = await world.QueueAsync(endpoint);

        await world.DeliverAsync();

        var delivery = (await world.DeliveriesAsync(endpoint)).Single();
        var kept = Assert.Single(await world.AttemptsAsync(delivery.Id)).ResponseBody!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(kept) <= WebhookAttempt.ResponseBodyMaxBytes + 3, $"Kept {System.Text.Encoding.UTF8.GetByteCount(kept)} bytes.");
        Assert.StartsWith(new string('é', 500), kept, StringComparison.Ordinal);
        Assert.Equal(queued.MessageId, delivery.MessageId);
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_within_10_seconds_is_a_failed_attempt()
    {
        using var receiver = WebhookReceiver.Start();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Respond = async _ =>
        {
            await release.Task;
            return (200, string.Empty);
        };
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        await world.QueueAsync(endpoint);

        var pass = world.DeliverAsync();
        await receiver.FirstRequest;
        factory.Clock.Advance(WebhookDispatcher.Timeout);
        await pass;
        release.SetResult();

        var delivery = (await world.DeliveriesAsync(endpoint)).Single();
        var attempt = Assert.Single(await world.AttemptsAsync(delivery.Id));
        Assert.Null(attempt.StatusCode);
        Assert.Equal("No answer within 10 s.", attempt.Error);
        Assert.Equal(WebhookDeliveryState.Pending, delivery.State);
        Assert.Equal(TimeSpan.FromSeconds(10), WebhookDispatcher.Timeout);
    }

    [Fact]
    public async Task During_a_rotation_overlap_both_secrets_sign_and_after_it_only_the_new_one()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, oldSecret) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var newSecret = WebhookSecrets.New();
        await using (var db = factory.NewDbContext())
        {
            var admin = await WebhookWorld.AdminAsync(db, DemoAccounts.NorthwindAdmin);
            var stored = db.WebhookEndpoints.Single(e => e.Id == endpoint);
            stored.Rotate(admin, factory.Services.GetRequiredService<WebhookSecrets>().Protect(newSecret), factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await world.QueueAsync(endpoint);
        await world.DeliverAsync();
        factory.Clock.Advance(WebhookEndpoint.RotationOverlap + TimeSpan.FromSeconds(1));
        await world.QueueAsync(endpoint);
        await world.DeliverAsync();

        var (during, after) = (receiver.Received.ElementAt(0), receiver.Received.ElementAt(1));
        Assert.Equal(2, during.Signature!.Split(' ').Length);
        Assert.True(WebhookReceiver.Verifies(oldSecret, during));
        Assert.True(WebhookReceiver.Verifies(newSecret, during));
        Assert.Single(after.Signature!.Split(' '));
        Assert.True(WebhookReceiver.Verifies(newSecret, after));
        Assert.False(WebhookReceiver.Verifies(oldSecret, after));
    }

    [Fact]
    public async Task Finished_messages_leave_the_delivery_log_after_the_retention_and_pending_ones_stay()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var (paused, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        await using (var db = factory.NewDbContext())
        {
            var admin = await WebhookWorld.AdminAsync(db, DemoAccounts.NorthwindAdmin);
            db.WebhookEndpoints.Single(e => e.Id == paused).Disable(admin, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var old = await world.QueueAsync(endpoint);
        var waiting = await world.QueueAsync(paused);
        await world.DeliverAsync();
        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        var recent = await world.QueueAsync(endpoint);
        await world.DeliverAsync();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().PurgeAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal([recent.Id], (await world.DeliveriesAsync(endpoint)).Select(d => d.Id));
        Assert.Empty(await world.AttemptsAsync(old.Id));
        Assert.Single(await world.AttemptsAsync(recent.Id));
        Assert.Equal(WebhookDeliveryState.Pending, Assert.Single(await world.DeliveriesAsync(paused)).State);
        Assert.Equal(waiting.Id, Assert.Single(await world.DeliveriesAsync(paused)).Id);
    }

    [Fact]
    public async Task Two_workers_in_parallel_deliver_each_message_once()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await world.QueueAsync(endpoint)).MessageId);
        }

        await Task.WhenAll(world.DeliverAsync(), world.DeliverAsync());

        Assert.Equal(ids.Order(StringComparer.Ordinal), receiver.Received.Select(m => m.Id!).Order(StringComparer.Ordinal));
    }
}
