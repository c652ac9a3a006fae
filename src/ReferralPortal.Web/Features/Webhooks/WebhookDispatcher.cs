using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>
/// Sends due webhook messages, the way <see cref="Notifications.OutboxDispatcher"/> sends e-mail: each message is
/// claimed by a conditional UPDATE that pushes its next attempt out by a lease, so with several instances exactly one
/// sends it. 2xx delivers; 410 disables the endpoint; anything else (or no answer within 10 s) retries on
/// <see cref="WebhookDelivery.RetrySchedule"/> with jitter. Every attempt goes into the delivery log.
/// </summary>
public sealed class WebhookDispatcher(
    ReferralsDbContext db, TimeProvider clock, IHttpClientFactory clients, WebhookSecrets secrets, IOptions<WebhooksOptions> options, ILogger<WebhookDispatcher> log)
{
    public const string ClientName = "Webhooks";

    /// <summary>How long a receiver has to answer (measured on the app's clock, so tests can move it).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Longer than an attempt can take: another instance takes the message only if this one died mid-attempt.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <returns>How many messages were delivered in this pass.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAt <= now
                && db.WebhookEndpoints.IgnoreQueryFilters().Any(e => e.Id == d.EndpointId && e.IsEnabled))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        var delivered = 0;
        foreach (var item in due)
        {
            // The lease counts from the claim, not from the pass's start: a pass slowed by timeouts must not hand out leases already over.
            if (await ClaimAsync(db, item.Id, item.NextAttemptAt, clock.GetUtcNow().UtcDateTime + ClaimLease, ct) == 0)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().FirstAsync(d => d.Id == item.Id, ct);
            var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().FirstAsync(e => e.Id == delivery.EndpointId, ct);
            if (await AttemptAsync(endpoint, delivery, ct))
            {
                delivered++;
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }

    /// <summary>
    /// Deletes finished messages (delivered, or given up) older than <c>Webhooks:DeliveryLogRetention</c>, with their
    /// attempts (the foreign key cascades); pending ones are kept whatever their age.
    /// </summary>
    /// <returns>How many messages were deleted.</returns>
    public Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.DeliveryLogRetention;
        return db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.State != WebhookDeliveryState.Pending && d.CreatedAt < cutoff)
            .ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Takes one message for this instance: 1 = ours; 0 = another instance has it (it moved the next attempt first).
    /// On PostgreSQL the loser's UPDATE waits for the winner's row lock, re-reads the row and matches nothing.
    /// </summary>
    internal static Task<int> ClaimAsync(ReferralsDbContext db, long id, DateTime seen, DateTime lease, CancellationToken ct) => db.WebhookDeliveries.IgnoreQueryFilters()
        .Where(d => d.Id == id && d.State == WebhookDeliveryState.Pending && d.NextAttemptAt == seen)
        .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), ct);

    private async Task<bool> AttemptAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var sentAt = clock.GetUtcNow();
        var outcome = await SendAsync(endpoint, delivery, sentAt, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var duration = (int)Math.Min(int.MaxValue, clock.GetElapsedTime(started).TotalMilliseconds);
        db.WebhookAttempts.Add(new WebhookAttempt(delivery.Id, endpoint.Id, delivery.Attempts + 1, sentAt.UtcDateTime, outcome.StatusCode, outcome.Error, duration, outcome.Body));
        if (outcome.StatusCode is >= 200 and < 300)
        {
            delivery.MarkDelivered(outcome.StatusCode.Value, now);
            return true;
        }

        if (outcome.StatusCode == StatusCodes.Status410Gone)
        {
            delivery.MarkGone(now);
            endpoint.DisableGone(now);
            log.LogWarning("Security event {SecurityEvent}: webhook endpoint {EndpointId} of organisation {OrganisationId} answered 410 Gone and is disabled",
                "WebhookEndpointGone", endpoint.Id, endpoint.OrganisationId);
            return false;
        }

        delivery.MarkFailed(outcome.StatusCode, now, Random.Shared.NextDouble());
        var failure = outcome.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? outcome.Error;
        if (delivery.State == WebhookDeliveryState.Failed)
        {
            log.LogError("Webhook {MessageId} to endpoint {EndpointId} failed after {Attempts} attempts ({Failure}); no more attempts",
                delivery.MessageId, endpoint.Id, delivery.Attempts, failure);
        }
        else
        {
            log.LogWarning("Webhook {MessageId} to endpoint {EndpointId} failed (attempt {Attempts}, {Failure}); retrying at {Next}",
                delivery.MessageId, endpoint.Id, delivery.Attempts, failure, delivery.NextAttemptAt);
        }

        return false;
    }

    private async Task<Outcome> SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset sentAt, CancellationToken ct)
    {
        var timestamp = sentAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", delivery.MessageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", secrets.SignatureHeader(endpoint, delivery.MessageId, timestamp, delivery.Payload, sentAt.UtcDateTime));
        request.Headers.UserAgent.ParseAdd("ReferralPortal-Webhooks/1.0");

        using var timeout = new CancellationTokenSource(Timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return new Outcome((int)response.StatusCode, null, await ReadAtMostAsync(response.Content, WebhookAttempt.ResponseBodyMaxBytes, linked.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return new Outcome(null, "No answer within 10 s.", null);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(null, Describe(e), null);
        }
    }

    /// <summary>The start of the receiver's answer, never more than <paramref name="maxBytes"/> bytes read.</summary>
    internal static async Task<string?> ReadAtMostAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[maxBytes];
        var read = 0;
        int n;
        while (read < maxBytes && (n = await stream.ReadAsync(buffer.AsMemory(read, maxBytes - read), ct)) > 0)
        {
            read += n;
        }

        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookAddressRefusedException refused)
            {
                return refused.Message;
            }
        }

        return e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString();
    }

    private sealed record Outcome(int? StatusCode, string? Error, string? Body);
}

/// <summary>Runs the <see cref="WebhookDispatcher"/> every <c>Webhooks:Interval</c>, and its delivery log's clean-up once an hour.</summary>
public sealed class WebhookJob(IServiceScopeFactory scopes, IOptions<WebhooksOptions> options, TimeProvider clock, ILogger<WebhookJob> log) : PeriodicJob(scopes, log)
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private DateTimeOffset nextPurge = DateTimeOffset.MinValue;

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Name => "Webhooks";

    protected override async Task RunPassAsync(IServiceProvider services, CancellationToken ct)
    {
        var dispatcher = services.GetRequiredService<WebhookDispatcher>();
        await dispatcher.DeliverDueAsync(ct);
        var now = clock.GetUtcNow();
        if (now >= nextPurge)
        {
            nextPurge = now + PurgeEvery;
            if (await dispatcher.PurgeAsync(ct) is > 0 and var purged)
            {
                log.LogInformation("Webhook delivery log: {Count} finished messages older than {Retention} deleted", purged, options.Value.DeliveryLogRetention);
            }
        }
    }
}

/// <summary>Registers webhooks: the page's commands, event staging, the worker and its guarded HTTP client.</summary>
public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooksFeature(this IServiceCollection services)
    {
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookSecrets>();
        services.AddScoped<WebhookEvents>();
        services.AddScoped<WebhookCommands>();
        services.AddScoped<WebhookDispatcher>();

        // The dispatcher's own timeout runs on the app's clock; this one only stops a request the clock never ends.
        services.AddHttpClient(WebhookDispatcher.ClientName, c => c.Timeout = WebhookDispatcher.ClaimLease)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = WebhookDispatcher.Timeout,
                ConnectCallback = WebhookAddressRules.ConnectCallback(sp.GetRequiredService<IOptions<WebhooksOptions>>().Value.AllowPrivateNetworks),
            });
        services.AddHostedService<WebhookJob>();
        return services;
    }
}
