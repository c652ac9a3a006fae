using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Tests.Api;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>
/// Events are written to the webhook outbox in the transaction of the change, for the enabled, subscribed endpoints
/// of every organisation that may see the deal and no other, with the referral as that organisation's API reads it.
/// </summary>
public sealed class WebhookEventTests(WebhookPortalFactory factory) : IClassFixture<WebhookPortalFactory>
{
    private const string Url = "http://127.0.0.1:9/hook";
    private readonly WebhookWorld world = new(factory);
    private readonly ApiWorld api = new(factory);

    [Fact]
    public async Task A_shared_deal_created_by_a_partner_is_an_event_for_that_partner_and_the_vendor_only()
    {
        var (northwind, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url);
        var (fabrikam, _) = await world.EndpointAsync(DemoAccounts.FabrikamAdmin, Url);

        var id = await CreateAsync("Webhook shared deal", share: true);

        var message = JsonNode.Parse(Assert.Single(await world.DeliveriesAsync(northwind)).Payload)!;
        Assert.Equal("referral.created", (string?)message["type"]);
        Assert.Equal(id, (int?)message["data"]!["id"]);
        Assert.Equal("Webhook shared deal", (string?)message["data"]!["name"]);
        Assert.NotNull(message["timestamp"]);
        Assert.Equal("referral.created", Assert.Single(await world.DeliveriesAsync(vendor)).EventType);
        Assert.Empty(await world.DeliveriesAsync(fabrikam));
    }

    [Fact]
    public async Task A_private_deal_is_no_event_for_the_vendor()
    {
        var (northwind, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url);

        await CreateAsync("Webhook private deal", share: false);

        Assert.Single(await world.DeliveriesAsync(northwind));
        Assert.Empty(await world.DeliveriesAsync(vendor));
    }

    [Fact]
    public async Task Upgrading_a_private_deal_is_an_update_for_the_owner_and_the_vendors_first_created_event()
    {
        var id = await CreateAsync("Webhook upgraded deal", share: false);
        var (northwind, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url);
        var (vendorUpdatesOnly, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url, WebhookEventTypes.ReferralUpdated);
        var owner = await api.ClientAsync(DemoAccounts.NorthwindAdmin);
        var (_, etag) = await ApiWorld.ReadAsync(owner, id);

        var upgraded = await ApiWorld.SendAsync(owner, HttpMethod.Post, $"/api/v1/referrals/{id}/upgrade", ApiWorld.Json("{}"), etag);

        Assert.Equal(HttpStatusCode.OK, upgraded.StatusCode);
        Assert.Equal("referral.updated", Assert.Single(await world.DeliveriesAsync(northwind)).EventType);
        var message = JsonNode.Parse(Assert.Single(await world.DeliveriesAsync(vendor)).Payload)!;
        Assert.Equal("referral.created", (string?)message["type"]);
        Assert.Equal("coSell", (string?)message["data"]!["dealType"]);
        Assert.Null(message["data"]!["changedField"]);
        Assert.Empty(await world.DeliveriesAsync(vendorUpdatesOnly));
    }

    [Fact]
    public async Task An_endpoint_gets_only_the_events_it_subscribed_to_and_a_disabled_one_none()
    {
        var (notesOnly, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url, WebhookEventTypes.ReferralNoteAdded);
        var (disabled, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url);
        await using (var db = factory.NewDbContext())
        {
            var admin = await WebhookWorld.AdminAsync(db, DemoAccounts.NorthwindAdmin);
            db.WebhookEndpoints.Single(e => e.Id == disabled).Disable(admin, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await CreateAsync("Webhook subscription deal", share: true);

        Assert.Empty(await world.DeliveriesAsync(notesOnly));
        Assert.Empty(await world.DeliveriesAsync(disabled));
    }

    [Fact]
    public async Task The_vendor_accepting_is_a_status_change_with_the_previous_status_for_both_sides()
    {
        var id = await CreateAsync("Webhook accepted deal", share: true);
        var (northwind, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url, WebhookEventTypes.ReferralStatusChanged);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url, WebhookEventTypes.ReferralStatusChanged);
        var reviewer = await api.ClientAsync(DemoAccounts.ProgrammeAdmin);
        var (_, etag) = await ApiWorld.ReadAsync(reviewer, id);

        var accepted = await ApiWorld.SendAsync(reviewer, HttpMethod.Post, $"/api/v1/referrals/{id}/accept", ApiWorld.Json("{}"), etag);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        foreach (var endpoint in new[] { northwind, vendor })
        {
            var data = JsonNode.Parse(Assert.Single(await world.DeliveriesAsync(endpoint)).Payload)!["data"]!;
            Assert.Equal("active", (string?)data["status"]);
            Assert.Equal("new", (string?)data["previousStatus"]);
        }
    }

    [Fact]
    public async Task A_vendor_internal_note_is_an_event_for_the_vendor_and_not_for_the_partner()
    {
        var id = await CreateAsync("Webhook note deal", share: true);
        var (northwind, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, Url, WebhookEventTypes.ReferralNoteAdded);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url, WebhookEventTypes.ReferralNoteAdded);
        var reviewer = await api.ClientAsync(DemoAccounts.ProgrammeAdmin);
        var (_, etag) = await ApiWorld.ReadAsync(reviewer, id);

        var added = await ApiWorld.SendAsync(reviewer, HttpMethod.Post, $"/api/v1/referrals/{id}/notes", ApiWorld.Json("""{"text":"Internal only","vendorInternal":true}"""), etag);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Empty(await world.DeliveriesAsync(northwind));
        var note = JsonNode.Parse(Assert.Single(await world.DeliveriesAsync(vendor)).Payload)!["data"]!["note"]!;
        Assert.Equal("Internal only", (string?)note["text"]);
    }

    [Fact]
    public async Task A_change_rolled_back_writes_no_event_and_a_saved_one_writes_it_in_the_same_save()
    {
        var id = await CreateAsync("Webhook rollback deal", share: true);
        var (vendor, _) = await world.EndpointAsync(DemoAccounts.ProgrammeAdmin, Url, WebhookEventTypes.ReferralNoteAdded);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.ReferralsDbContext>();
            var admin = await WebhookWorld.AdminAsync(db, DemoAccounts.ProgrammeAdmin);
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.True(await scope.ServiceProvider.GetRequiredService<DealNoteCommand>().AddAsync(admin, id, new AddNoteInput { Text = "Rolled back" }, CancellationToken.None));
            await tx.RollbackAsync();
        }

        Assert.Empty(await world.DeliveriesAsync(vendor));
        await using (var db = factory.NewDbContext())
        {
            Assert.False(await db.DealNotes.IgnoreQueryFilters().AnyAsync(n => n.DealId == id && n.Text == "Rolled back"));
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.ReferralsDbContext>();
            var admin = await WebhookWorld.AdminAsync(db, DemoAccounts.ProgrammeAdmin);
            Assert.True(await scope.ServiceProvider.GetRequiredService<DealNoteCommand>().AddAsync(admin, id, new AddNoteInput { Text = "Saved" }, CancellationToken.None));
        }

        Assert.Single(await world.DeliveriesAsync(vendor));
    }

    private async Task<int> CreateAsync(string name, bool share)
    {
        var northwind = await api.ClientAsync(DemoAccounts.NorthwindAdmin);
        var body = await api.CreateBodyAsync(name, share);
        if (!share)
        {
            body.Remove("helpWanted");
        }

        var created = await northwind.PostAsync("/api/v1/referrals", ApiWorld.Json(body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (int)(await ApiWorld.BodyAsync(created))["id"]!;
    }
}
