using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>Issue 15's webhooks end to end: an admin adds an endpoint, copies its secret once, and after a deal change sees the delivery in the log.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebhooksBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_adds_an_endpoint_sees_the_secret_once_and_a_delivery_after_a_deal_change()
    {
        using var receiver = new Receiver();
        var admin = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(admin, DemoAccounts.NorthwindAdmin);

        // Add the endpoint from the admin menu.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Webhooks", Exact = true }).ClickAsync();
        await admin.ToBeAtAsync("/webhooks$");
        await admin.GetByLabel("Endpoint URL").FillAsync(receiver.Url);
        await admin.GetByLabel("referral.updated").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Copy the signing secret now: it is shown only once.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByLabel("Signing secret")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^whsec_"));
        await Screenshots.SnapAsync(admin, "webhooks-secret-shown-once");
        await admin.ReloadAsync();
        await admin.LoadedAsync();
        await Assertions.Expect(admin.GetByLabel("Signing secret")).ToHaveCountAsync(0);
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell).Filter(new() { HasText = receiver.Url })).ToBeVisibleAsync();

        // A deal change: the admin edits a deal's value.
        await admin.GotoAsync("/referrals/outbound?status=Active&stage=Accepted");
        await admin.Locator("td.deal-name a").First.ClickAsync();
        await admin.ToBeAtAsync("/deals/\\d+$");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Edit deal" }).ClickAsync();
        await admin.ToBeAtAsync("/edit$");
        await admin.GetByLabel("Estimated value").FillAsync("123456");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Deal updated.")).ToBeVisibleAsync();

        // The worker posts it to the receiver; then the delivery log shows it delivered.
        await receiver.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await admin.GotoAsync("/webhooks");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Delivery log" }).First.ClickAsync();
        await admin.ToBeAtAsync("/webhooks/\\d+/deliveries$");
        var delivered = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "referral.updated" }).Filter(new() { HasText = "Delivered" });
        for (var reload = 0; reload < 20 && await delivered.CountAsync() == 0; reload++)
        {
            // The worker saves the attempt just after the receiver answered: look again until it has.
            await admin.ReloadAsync();
            await admin.LoadedAsync();
        }

        await Assertions.Expect(delivered).ToHaveCountAsync(1);
        await Assertions.Expect(delivered).ToContainTextAsync("200");
        await Assertions.Expect(delivered.GetByRole(AriaRole.Button, new() { Name = "Redeliver" })).ToBeVisibleAsync();
        await Screenshots.SnapAsync(admin, "webhooks-delivery-log");
    }

    /// <summary>A webhook receiver on loopback that answers 200 and signals its first request.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Receiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/crm-hook";
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            listener.Start();
            _ = Task.Run(ListenAsync);
        }

        public string Url { get; }

        public Task FirstRequest => first.Task;

        public void Dispose() => listener.Close();

        private async Task ListenAsync()
        {
            while (listener.IsListening)
            {
                try
                {
                    var context = await listener.GetContextAsync();
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                    first.TrySetResult();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        }
    }
}
