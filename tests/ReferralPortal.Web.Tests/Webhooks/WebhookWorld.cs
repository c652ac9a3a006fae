using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Webhooks;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>The app with its webhook worker off (tests run passes themselves) and loopback receivers allowed.</summary>
public class WebhookPortalFactory : QuietPortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
    }
}

/// <summary>The app as shipped: private networks refused (the SSRF guard on), worker off.</summary>
public class GuardedWebhookPortalFactory : QuietPortalFactory;

/// <summary>Endpoints for the demo organisations, a worker pass on demand, and the outbox as the tests read it.</summary>
public sealed class WebhookWorld(PortalFactory factory)
{
    /// <summary>An endpoint of the organisation of <paramref name="adminEmail"/>, registered by that admin as the page would; returns its id and secret.</summary>
    public async Task<(int Id, string Secret)> EndpointAsync(string adminEmail, string url, params string[] events)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var actor = await AdminAsync(db, adminEmail);
        var secret = WebhookSecrets.New();
        var endpoint = WebhookEndpoint.Create(actor, url, events.Length == 0 ? WebhookEventTypes.All : events,
            factory.Services.GetRequiredService<WebhookSecrets>().Protect(secret), factory.Clock.GetUtcNow().UtcDateTime);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
        return (endpoint.Id, secret);
    }

    public static async Task<Actor> AdminAsync(Data.ReferralsDbContext db, string email)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Email == email)
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Kind, u.Role }).SingleAsync();
        return new Actor(user.Id, user.DisplayName, user.OrganisationId, user.Kind, user.Role);
    }

    /// <summary>One worker pass, with the app's own services (its named HTTP client, options and clock).</summary>
    public async Task<int> DeliverAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None);
    }

    public async Task<List<WebhookDelivery>> DeliveriesAsync(int endpointId)
    {
        await using var db = factory.NewDbContext();
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId).OrderBy(d => d.Id).ToListAsync();
    }

    public async Task<List<WebhookAttempt>> AttemptsAsync(long deliveryId)
    {
        await using var db = factory.NewDbContext();
        return await db.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number).ToListAsync();
    }

    public async Task<WebhookEndpoint> LoadEndpointAsync(int id)
    {
        await using var db = factory.NewDbContext();
        return await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    /// <summary>A message for the endpoint, queued as an event would queue it.</summary>
    public async Task<WebhookDelivery> QueueAsync(int endpointId, string body = """{"type":"referral.updated","timestamp":"2026-11-29T09:00:00Z","data":{}}""")
    {
        await using var db = factory.NewDbContext();
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId);
        var delivery = new WebhookDelivery(endpoint.Id, endpoint.OrganisationId, WebhookEvents.NewMessageId(), WebhookEventTypes.ReferralUpdated, body, factory.Clock.GetUtcNow().UtcDateTime);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery;
    }
}
