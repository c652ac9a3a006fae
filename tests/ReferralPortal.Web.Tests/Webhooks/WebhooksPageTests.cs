using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>The Webhooks page: admins only, their own organisation's endpoints only; the secret shown once; rotate, disable, enable, delete, Redeliver.</summary>
public sealed class WebhooksPageTests(WebhookPortalFactory factory) : IClassFixture<WebhookPortalFactory>
{
    private readonly WebhookWorld world = new(factory);

    [Fact]
    public async Task An_admin_adds_an_endpoint_and_sees_its_secret_once()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var added = await admin.PostFormAsync("/webhooks", "/webhooks",
            [new("Input.Url", "http://127.0.0.1:9/page-added"), new("Input.Events", "referral.created"), new("Input.Events", "referral.note_added")]);
        var first = await admin.GetPageAsync("/webhooks");
        var second = await admin.GetPageAsync("/webhooks");

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var secret = first.QuerySelector("#issued-secret")!.GetAttribute("value")!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("#issued-secret"));
        Assert.DoesNotContain(secret, second.Body!.InnerHtml, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        var stored = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Url == "http://127.0.0.1:9/page-added");
        Assert.Equal([WebhookEventTypes.ReferralCreated, WebhookEventTypes.ReferralNoteAdded], stored.Events);
        Assert.DoesNotContain(secret, stored.ProtectedSecret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_without_events_or_url_is_refused_next_to_the_fields()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostFormAsync("/webhooks", "/webhooks", [new("Input.Url", "not a url")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter a full URL starting with https://.", page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent.Trim());
        Assert.Equal("Choose at least one event.", page.QuerySelector("[data-valmsg-for='Input.Events']")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_sales_user_has_no_webhooks_page_or_menu_entry()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await sales.GetAsync("/webhooks");
        var home = await sales.GetPageAsync("/notifications");

        // Refused by the policy: the access-denied page (403) instead of the webhooks page.
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/error/403", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(home.QuerySelectorAll("nav a"), a => a.TextContent.Trim() == "Webhooks");
    }

    [Fact]
    public async Task Another_organisations_endpoint_cannot_be_seen_or_changed()
    {
        var (fabrikam, _) = await world.EndpointAsync(DemoAccounts.FabrikamAdmin, "http://127.0.0.1:9/fabrikam");
        var delivery = await world.QueueAsync(fabrikam);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var list = await admin.GetPageAsync("/webhooks");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/webhooks/{fabrikam}/deliveries")).StatusCode);
        foreach (var action in new[] { "rotate", "disable", "delete", $"deliveries/{delivery.Id}/redeliver" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostWithTokenAsync(list, $"/webhooks/{fabrikam}/{action}", [])).StatusCode);
        }

        Assert.DoesNotContain("/fabrikam", list.Body!.TextContent, StringComparison.Ordinal);
        var unchanged = await world.LoadEndpointAsync(fabrikam);
        Assert.True(unchanged.IsEnabled);
        Assert.Null(unchanged.ProtectedPreviousSecret);
    }

    [Fact]
    public async Task Rotate_shows_a_new_secret_and_keeps_the_previous_one_signing_for_24_hours()
    {
        var (endpoint, old) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, "http://127.0.0.1:9/rotate");
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var rotated = await admin.PostFormAsync("/webhooks", $"/webhooks/{endpoint}/rotate", []);
        var page = await admin.GetPageAsync("/webhooks");

        Assert.Equal(HttpStatusCode.Redirect, rotated.StatusCode);
        var secret = page.QuerySelector("#issued-secret")!.GetAttribute("value")!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.NotEqual(old, secret);
        var stored = await world.LoadEndpointAsync(endpoint);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromHours(24), stored.PreviousSecretExpiresAt);
    }

    [Fact]
    public async Task Disable_enable_and_delete_change_the_endpoint()
    {
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, "http://127.0.0.1:9/lifecycle");
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        await admin.PostFormAsync("/webhooks", $"/webhooks/{endpoint}/disable", []);
        var disabled = await world.LoadEndpointAsync(endpoint);
        await admin.PostFormAsync("/webhooks", $"/webhooks/{endpoint}/enable", []);
        var enabled = await world.LoadEndpointAsync(endpoint);
        await admin.PostFormAsync("/webhooks", $"/webhooks/{endpoint}/delete", []);

        Assert.False(disabled.IsEnabled);
        Assert.Equal("Disabled by an admin", disabled.DisabledReason);
        Assert.True(enabled.IsEnabled);
        await using var db = factory.NewDbContext();
        Assert.False(await db.WebhookEndpoints.AnyAsync(e => e.Id == endpoint));
    }

    [Fact]
    public async Task Redeliver_sends_the_message_again_with_the_same_message_id_and_the_log_shows_both_attempts()
    {
        using var receiver = WebhookReceiver.Start();
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, receiver.Url);
        var queued = await world.QueueAsync(endpoint);
        await world.DeliverAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var redeliver = await admin.PostFormAsync($"/webhooks/{endpoint}/deliveries", $"/webhooks/{endpoint}/deliveries/{queued.Id}/redeliver", []);
        await world.DeliverAsync();
        var log = await admin.GetPageAsync($"/webhooks/{endpoint}/deliveries");

        Assert.Equal(HttpStatusCode.Redirect, redeliver.StatusCode);
        Assert.Equal([queued.MessageId, queued.MessageId], receiver.Received.Select(m => m.Id));
        var row = Assert.Single(log.QuerySelectorAll("tbody tr"));
        Assert.Contains(queued.MessageId, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelector("td[data-label='Attempt']")!.TextContent.Trim());
        Assert.Contains("200", row.QuerySelector("td[data-label='Status code']")!.TextContent, StringComparison.Ordinal);
    }
}
