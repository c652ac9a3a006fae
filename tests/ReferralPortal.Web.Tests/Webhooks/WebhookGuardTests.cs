using System.Net;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.Web.Tests.Webhooks;

/// <summary>The SSRF guard as shipped (<c>Webhooks:AllowPrivateNetworks</c> false): at save time on the page, and at connect time.</summary>
public sealed class WebhookGuardTests(GuardedWebhookPortalFactory factory) : IClassFixture<GuardedWebhookPortalFactory>
{
    private readonly WebhookWorld world = new(factory);

    [Fact]
    public async Task A_host_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        // Saved directly, as if it had resolved to a public address when saved (DNS rebinding).
        using var receiver = WebhookReceiver.Start();
        var (endpoint, _) = await world.EndpointAsync(DemoAccounts.NorthwindAdmin, $"http://localhost:{receiver.Port}/hook");
        var queued = await world.QueueAsync(endpoint);

        await world.DeliverAsync();

        Assert.Empty(receiver.Received);
        var attempt = Assert.Single(await world.AttemptsAsync(queued.Id));
        Assert.Null(attempt.StatusCode);
        Assert.StartsWith("Refused: localhost resolves to a loopback", attempt.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://192.168.1.20/hook")]
    public async Task The_page_refuses_a_private_address_next_to_the_field(string url)
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostFormAsync("/webhooks", "/webhooks", [new("Input.Url", url), new("Input.Events", "referral.created")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Infrastructure.PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("loopback, private or link-local", page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent, StringComparison.Ordinal);
    }
}
