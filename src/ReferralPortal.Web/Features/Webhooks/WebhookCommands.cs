using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Webhooks;

public sealed record WebhookEndpointRow(int Id, string Url, IReadOnlyList<string> Events, bool IsEnabled, string? DisabledReason, DateTime CreatedAt, string? CreatedBy,
    DateTime? PreviousSecretExpiresAt, WebhookDeliveryState? LastState, int? LastStatusCode, DateTime? LastDeliveryAt);

public sealed record WebhookDeliveryRow(long Id, string MessageId, string EventType, WebhookDeliveryState State, int Attempts, DateTime CreatedAt,
    DateTime? NextAttemptAt, int? StatusCode, string? Error, int? DurationMs, string? ResponseBody);

/// <summary>The Webhooks page's reads and writes; each write is checked by <see cref="WebhookEndpoint.WhyNot"/> and is a security event in the log.</summary>
public sealed class WebhookCommands(ReferralsDbContext db, WebhookSecrets secrets, TimeProvider clock, ILogger<WebhookCommands> log)
{
    /// <summary>The organisation's endpoints, newest first (the tenant filter keeps other organisations' out).</summary>
    public async Task<IReadOnlyList<WebhookEndpointRow>> ListAsync(CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints.AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new
            {
                Endpoint = e,
                CreatedBy = db.Users.Where(u => u.Id == e.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                Last = db.WebhookDeliveries.Where(d => d.EndpointId == e.Id).OrderByDescending(d => d.Id)
                    .Select(d => new { d.State, d.LastStatusCode, d.CreatedAt }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. endpoints.Select(x => new WebhookEndpointRow(x.Endpoint.Id, x.Endpoint.Url, x.Endpoint.Events, x.Endpoint.IsEnabled, x.Endpoint.DisabledReason,
            x.Endpoint.CreatedAt, x.CreatedBy, x.Endpoint.PreviousSecretExpiresAt, x.Last?.State, x.Last?.LastStatusCode, x.Last?.CreatedAt))];
    }

    public Task<WebhookEndpoint?> FindAsync(int id, CancellationToken ct) => db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>An endpoint's newest messages with their latest attempt.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryRow>> DeliveriesAsync(int endpointId, int take, CancellationToken ct) =>
        await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.Id).Take(take)
            .Select(d => new
            {
                Delivery = d,
                Last = db.WebhookAttempts.Where(a => a.DeliveryId == d.Id).OrderByDescending(a => a.Number)
                    .Select(a => new { a.StatusCode, a.Error, a.DurationMs, a.ResponseBody }).FirstOrDefault(),
            })
            .Select(x => new WebhookDeliveryRow(x.Delivery.Id, x.Delivery.MessageId, x.Delivery.EventType, x.Delivery.State, x.Delivery.Attempts, x.Delivery.CreatedAt,
                x.Delivery.State == WebhookDeliveryState.Pending ? x.Delivery.NextAttemptAt : null,
                x.Last == null ? null : x.Last.StatusCode, x.Last == null ? null : x.Last.Error, x.Last == null ? null : x.Last.DurationMs, x.Last == null ? null : x.Last.ResponseBody))
            .ToListAsync(ct);

    /// <summary>Registers an endpoint and returns its secret: the only time it is shown.</summary>
    public async Task<string> CreateAsync(Actor actor, string url, IEnumerable<string> events, CancellationToken ct)
    {
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(actor, url.Trim(), events, secrets.Protect(secret), Now);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(ct);
        Audit("WebhookEndpointCreated", endpoint, actor);
        return secret;
    }

    /// <summary>A new secret (returned, shown once); the previous one keeps signing for a day. Null when the endpoint is not the organisation's.</summary>
    public async Task<string?> RotateAsync(Actor actor, int id, CancellationToken ct)
    {
        if (await LoadAsync(actor, id, ct) is not { } endpoint)
        {
            return null;
        }

        var secret = WebhookSecrets.New();
        endpoint.Rotate(actor, secrets.Protect(secret), Now);
        await db.SaveChangesAsync(ct);
        Audit("WebhookSecretRotated", endpoint, actor);
        return secret;
    }

    public Task<bool> DisableAsync(Actor actor, int id, CancellationToken ct) => ChangeAsync(actor, id, "WebhookEndpointDisabled", e => e.Disable(actor, Now), ct);

    public Task<bool> EnableAsync(Actor actor, int id, CancellationToken ct) => ChangeAsync(actor, id, "WebhookEndpointEnabled", e => e.Enable(actor), ct);

    /// <summary>Deletes the endpoint with its outbox and delivery log.</summary>
    public Task<bool> DeleteAsync(Actor actor, int id, CancellationToken ct) => ChangeAsync(actor, id, "WebhookEndpointDeleted", e =>
    {
        WebhookEndpoint.Ensure(WebhookEndpoint.WhyNot(WebhookEndpointAction.Delete, actor, e));
        db.WebhookEndpoints.Remove(e);
    }, ct);

    /// <summary>Sends one message again now, with its message id unchanged. False when it is not the organisation's.</summary>
    public async Task<bool> RedeliverAsync(Actor actor, int endpointId, long deliveryId, CancellationToken ct)
    {
        var endpoint = await LoadAsync(actor, endpointId, ct);
        var delivery = endpoint is null ? null : await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, ct);
        if (endpoint is null || delivery is null)
        {
            return false;
        }

        WebhookEndpoint.Ensure(WebhookEndpoint.WhyNot(WebhookEndpointAction.Redeliver, actor, endpoint));
        delivery.Redeliver(Now);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Webhook {MessageId} of endpoint {EndpointId} queued again by {UserId}", delivery.MessageId, endpoint.Id, actor.UserId);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> ChangeAsync(Actor actor, int id, string securityEvent, Action<WebhookEndpoint> change, CancellationToken ct)
    {
        if (await LoadAsync(actor, id, ct) is not { } endpoint)
        {
            return false;
        }

        change(endpoint);
        await db.SaveChangesAsync(ct);
        Audit(securityEvent, endpoint, actor);
        return true;
    }

    private async Task<WebhookEndpoint?> LoadAsync(Actor actor, int id, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == id, ct);
        return endpoint is null || !actor.BelongsTo(endpoint.OrganisationId) ? null : endpoint;
    }

    private void Audit(string securityEvent, WebhookEndpoint endpoint, Actor actor) =>
        log.LogInformation("Security event {SecurityEvent}: webhook endpoint {EndpointId} of organisation {OrganisationId} by {UserId}",
            securityEvent, endpoint.Id, endpoint.OrganisationId, actor.UserId);
}
