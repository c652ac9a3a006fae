using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// Two Kestrel processes of the app on one database (SQLite, or PostgreSQL in CI's second pass), as behind a load balancer: a session and its
/// anti-forgery tokens work on both (data-protection keys are in the database), the wizard's draft follows the
/// user from one to the other, both review-window jobs running at once expire and remind each deal once, and both
/// outboxes running at once send each e-mail once.
/// </summary>
public sealed class TwoInstancesTests(TwoInstances app) : IClassFixture<TwoInstances>
{
    private IReadOnlyList<TwoInstances.AppProcess> instances => app.Instances;

    [Fact]
    public async Task Session_tokens_and_wizard_draft_move_between_instances_and_the_deal_is_created_once()
    {
        var (a, b) = (instances[0].BaseUrl, instances[1].BaseUrl);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);

        var login = await PageAsync(http, a + "/account/login");
        var signedIn = await PostAsync(http, a + "/account/login", login, new() { ["Email"] = DemoAccounts.NorthwindAdmin, ["Password"] = DemoAccounts.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // Step 1 on B with the cookie issued by A, posting a token that A rendered.
        var search = await PageAsync(http, b + "/deals/new?country=PT&name=Lisboa");
        var customerId = search.QuerySelector("form[action='/deals/new/customer/select'] input[name=customerId]")!.GetAttribute("value")!;
        var fromA = await PageAsync(http, a + "/notifications");
        var selected = await PostAsync(http, b + "/deals/new/customer/select", fromA, new() { ["customerId"] = customerId, ["country"] = "PT" });
        Assert.Equal(HttpStatusCode.Redirect, selected.StatusCode);
        var draft = selected.Headers.Location!.OriginalString.Replace("/contact", string.Empty, StringComparison.Ordinal);

        // Step 2 on A, step 3 on B, step 4 on A: each instance reads the draft the other saved.
        var contact = await PostAsync(http, a + draft + "/contact", await PageAsync(http, a + draft + "/contact"), new() { ["skip"] = "true" });
        Assert.Equal(draft + "/details", contact.Headers.Location?.OriginalString);
        var solution = await SolutionIdAsync("Northwind Analytics Cloud");
        var details = await PostAsync(http, b + draft + "/details", await PageAsync(http, b + draft + "/details"), new()
        {
            ["Input.Name"] = "Two instances rollout",
            ["Input.Value"] = "50000",
            ["Input.Currency"] = "EUR",
            ["Input.LocationCountry"] = "PT",
            ["Input.EstimatedCloseDate"] = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.SolutionIds"] = solution,
        });
        Assert.Equal(draft + "/sharing", details.Headers.Location?.OriginalString);
        var sharing = await PageAsync(http, a + draft + "/sharing");
        var created = await PostAsync(http, a + draft + "/create", sharing, new() { ["Input.Share"] = "true" });
        var again = await PostAsync(http, b + draft + "/create", sharing, new() { ["Input.Share"] = "true" });

        // The deal page on B, then a note added on B with the token of A's deal page.
        var deal = created.Headers.Location!.OriginalString;
        Assert.Equal(deal, again.Headers.Location?.OriginalString);
        var notes = await PostAsync(http, b + deal + "/notes", await PageAsync(http, a + deal), new() { ["NoteInput.Text"] = "Written through the other instance." });
        Assert.Equal(HttpStatusCode.Redirect, notes.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(b + deal)).StatusCode);

        await using var db = NewDbContext();
        var dealId = int.Parse(deal["/deals/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await db.Deals.IgnoreQueryFilters().CountAsync(d => d.Name == "Two instances rollout"));
        Assert.Equal(1, await db.DealNotes.IgnoreQueryFilters().CountAsync(n => n.DealId == dealId));
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
    }

    [Fact]
    public async Task Both_instances_expiry_jobs_expire_and_remind_each_deal_exactly_once()
    {
        var now = DateTime.UtcNow;
        List<int> overdue, dueSoon;
        await using (var db = NewDbContext())
        {
            var open = await db.Deals.IgnoreQueryFilters()
                .Where(d => d.Status == DealStatus.New && d.ReviewDueAt != null).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
            Assert.True(open.Count >= 4, $"The demo has {open.Count} deals awaiting review.");
            overdue = [.. open.Where((_, i) => i % 2 == 0)];
            dueSoon = [.. open.Where((_, i) => i % 2 == 1)];

            // Both jobs tick every second; move the due dates under their feet.
            await db.Deals.IgnoreQueryFilters().Where(d => overdue.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewDueAt, now.AddMinutes(-5)));
            await db.Deals.IgnoreQueryFilters().Where(d => dueSoon.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReviewDueAt, now.AddDays(2)).SetProperty(d => d.ReviewReminderSentAt, (DateTime?)null));
        }

        var done = await WaitUntilAsync(async () =>
        {
            await using var db = NewDbContext();
            return await db.Deals.IgnoreQueryFilters().CountAsync(d => overdue.Contains(d.Id) && d.Status == DealStatus.Expired) == overdue.Count
                && await db.Deals.IgnoreQueryFilters().CountAsync(d => dueSoon.Contains(d.Id) && d.ReviewReminderSentAt != null) == dueSoon.Count;
        }, TimeSpan.FromSeconds(60));

        Assert.True(done, "The jobs did not expire and remind every deal within a minute.\n" + string.Join("\n", instances.Select(i => i.Output)));
        await using var check = NewDbContext();
        var expiries = await check.DealActivities.IgnoreQueryFilters().Where(a => a.Kind == Domain.Deals.ActivityKind.Expired && overdue.Contains(a.DealId))
            .GroupBy(a => a.DealId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(overdue.Count, expiries.Count);
        Assert.All(expiries, count => Assert.Equal(1, count));
        // Only what the two jobs wrote after the set-up (a job may have reminded the seeded deals at start-up).
        var reminders = await check.Notifications.IgnoreQueryFilters().Where(n => n.Kind == NotificationKind.ReviewReminder && dueSoon.Contains(n.DealId!.Value) && n.CreatedAt >= now)
            .GroupBy(n => new { n.DealId, n.UserId }).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(reminders);
        Assert.All(reminders, count => Assert.Equal(1, count));
        var expiryNotices = await check.Notifications.IgnoreQueryFilters().Where(n => n.Kind == NotificationKind.DealDecision && overdue.Contains(n.DealId!.Value) && n.CreatedAt >= now)
            .GroupBy(n => new { n.DealId, n.UserId }).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(expiryNotices);
        Assert.All(expiryNotices, count => Assert.Equal(1, count));
        PortalRoutes.Report($"Two instances: {overdue.Count} deals expired once and {dueSoon.Count} reminded once with both jobs running.");
    }

    [Fact]
    public async Task Both_instances_outboxes_send_each_email_exactly_once()
    {
        List<long> ids;
        await using (var db = NewDbContext())
        {
            var now = DateTime.UtcNow;
            var messages = Enumerable.Range(1, 60)
                .Select(i => new EmailMessage($"two-instances-{i}@example.test", $"Two instances {i}", "Sent by whichever instance claims it.", now)).ToList();
            db.EmailOutbox.AddRange(messages);
            await db.SaveChangesAsync();
            ids = [.. messages.Select(m => m.Id)];
        }

        var done = await WaitUntilAsync(async () =>
        {
            await using var db = NewDbContext();
            return await db.EmailOutbox.CountAsync(m => ids.Contains(m.Id) && m.SentAt != null) == ids.Count;
        }, TimeSpan.FromSeconds(60));

        Assert.True(done, "The outboxes did not send every message within a minute.\n" + string.Join("\n", instances.Select(i => i.Output)));
        // The log sender writes "E-mail {Id}: {Subject}" once per delivery (never the address): count them over both processes.
        var sends = instances.SelectMany(i => i.Lines)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"E-mail (\d+): ""?Two instances "))
            .Where(m => m.Success)
            .GroupBy(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ids.Order(), sends.Keys.Order());
        Assert.All(sends, s => Assert.Equal(1, s.Value));
        PortalRoutes.Report($"Two instances: {ids.Count} e-mails sent once each by {instances.Count(i => i.Lines.Any(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"E-mail \d+: ""?Two instances ")))} instance(s).");
    }

    [Fact]
    public async Task Sign_in_failures_sent_to_both_instances_add_up_to_one_block()
    {
        // Five wrong passwords for one account from one address, spread over the two instances (3 + 2): the pair is
        // blocked on both, as if they had all gone to one; with a count per instance neither would block yet.
        var (a, b) = (instances[0].BaseUrl, instances[1].BaseUrl);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        foreach (var (instance, attempt) in new[] { a, b, a, b, a }.Select((url, i) => (url, i)))
        {
            using var failed = await PostAsync(http, instance + "/account/login", await PageAsync(http, instance + "/account/login"), new()
            {
                ["Email"] = DemoAccounts.AdventureWorksAdmin,
                ["Password"] = $"wrong guess {attempt}",
            });
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        foreach (var instance in new[] { a, b })
        {
            using var refused = await PostAsync(http, instance + "/account/login", await PageAsync(http, instance + "/account/login"), new()
            {
                ["Email"] = DemoAccounts.AdventureWorksAdmin,
                ["Password"] = DemoAccounts.Password,
            });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("This account is locked after too many failed attempts.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Both_instances_webhook_workers_deliver_each_message_exactly_once()
    {
        using var receiver = Webhooks.WebhookReceiver.Start();
        var (a, b) = (instances[0].BaseUrl, instances[1].BaseUrl);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler);
        var login = await PageAsync(http, a + "/account/login");
        await PostAsync(http, a + "/account/login", login, new() { ["Email"] = DemoAccounts.FabrikamAdmin, ["Password"] = DemoAccounts.Password });

        // Registered on A's page (its secret protected with the shared key ring), the secret read on B's.
        var added = await PostAsync(http, a + "/webhooks", await PageAsync(http, a + "/webhooks"), new() { ["Input.Url"] = receiver.Url, ["Input.Events"] = "referral.created" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var secret = (await PageAsync(http, b + "/webhooks")).QuerySelector("#issued-secret")!.GetAttribute("value")!;

        List<string> ids;
        await using (var db = NewDbContext())
        {
            var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().SingleAsync(e => e.Url == receiver.Url);
            var now = DateTime.UtcNow;
            var messages = Enumerable.Range(1, 40).Select(i => new Domain.Integration.WebhookDelivery(endpoint.Id, endpoint.OrganisationId, Web.Features.Webhooks.WebhookEvents.NewMessageId(),
                Domain.Integration.WebhookEventTypes.ReferralCreated, "{\"type\":\"referral.created\",\"timestamp\":\"2026-11-30T00:00:00Z\",\"data\":{\"n\":" + i + "}}", now)).ToList();
            db.WebhookDeliveries.AddRange(messages);
            await db.SaveChangesAsync();
            ids = [.. messages.Select(m => m.MessageId)];
        }

        var done = await WaitUntilAsync(async () =>
        {
            await using var db = NewDbContext();
            return await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => ids.Contains(d.MessageId) && d.State == Domain.Integration.WebhookDeliveryState.Delivered) == ids.Count;
        }, TimeSpan.FromSeconds(60));

        Assert.True(done, "The webhook workers did not deliver every message within a minute.\n" + string.Join("\n", instances.Select(i => i.Output)));
        Assert.Equal(ids.Order(StringComparer.Ordinal), receiver.Received.Select(m => m.Id!).Order(StringComparer.Ordinal));
        Assert.All(receiver.Received, m => Assert.True(Webhooks.WebhookReceiver.Verifies(secret, m)));
    }

    internal static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (clock.Elapsed < timeout)
        {
            if (await condition())
            {
                return true;
            }

            await timer.WaitForNextTickAsync();
        }

        return await condition();
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        return await PortalClient.ParseAsync(body);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, IHtmlDocument tokenPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = tokenPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields);
        return await http.PostAsync(url, content);
    }

    private async Task<string> SolutionIdAsync(string name)
    {
        await using var db = NewDbContext();
        return (await db.Solutions.IgnoreQueryFilters().Where(s => s.Name == name).Select(s => s.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private ReferralsDbContext NewDbContext() => app.Database.NewDbContext();
}

/// <summary>
/// Two app processes on one new, empty database (SQLite, or PostgreSQL when REFERRALS_TEST_POSTGRES is set),
/// shared by the tests of <see cref="TwoInstancesTests"/>.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly List<AppProcess> instances = [];

    public IReadOnlyList<AppProcess> Instances => instances;

    // Both webhook workers run every second and may post to the test's loopback receiver.
    private static readonly Dictionary<string, string> WebhookSettings = new()
    {
        ["Webhooks__AllowPrivateNetworks"] = "true",
        ["Webhooks__Interval"] = "00:00:01",
    };

    public TestDatabase Database { get; } = TestDatabase.Empty();

    public string ConnectionString => Database.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        // The first instance migrates and seeds; the second starts on the prepared database.
        instances.Add(await AppProcess.StartAsync(ConnectionString, StartTimeout, WebhookSettings));
        instances.Add(await AppProcess.StartAsync(ConnectionString, StartTimeout, WebhookSettings));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        Database.Dispose();
    }

    /// <summary>One `dotnet ReferralPortal.Web.dll` process on a free loopback port, killed on dispose.</summary>
    public sealed class AppProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> output = new();

        private AppProcess(Process process, string baseUrl)
        {
            this.process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public string Output => string.Join("\n", output.TakeLast(40));

        /// <summary>Everything the process wrote so far (its console log sink, stdout and stderr).</summary>
        public IReadOnlyList<string> Lines => [.. output];

        /// <summary>`dotnet ReferralPortal.Web.dll ARGS` from the web project's folder, its output redirected to be read.</summary>
        public static ProcessStartInfo DotnetWeb(params string[] args)
        {
            var web = WebProjectOutput();
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = web.ProjectDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(web.Dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            return info;
        }

        /// <param name="environment">Variables set after the defaults (which they override), e.g. another environment.</param>
        public static async Task<AppProcess> StartAsync(string connectionString, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
        {
            var port = FreePort();
            var baseUrl = $"http://127.0.0.1:{port}";
            var info = DotnetWeb("--urls", baseUrl);
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            info.Environment["ConnectionStrings__Referrals"] = connectionString;
            info.Environment["Database__Provider"] = TestDatabase.Provider;
            info.Environment["Database__MigrateOnStartup"] = "true";
            info.Environment["Seed__Demo"] = "true";
            info.Environment["Jobs__ReviewWindow__Interval"] = "00:00:01";
            info.Environment["RateLimits__LoginPerMinute"] = "1000";
            info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            info.Environment["Email__OutboxInterval"] = "00:00:01";
            info.Environment["Serilog__MinimumLevel__Override__" + typeof(Features.Notifications.LogEmailSender).FullName] = "Information";
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                info.Environment[name] = value;
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
            var app = new AppProcess(process, baseUrl);
            process.OutputDataReceived += (_, e) => app.Collect(e.Data);
            process.ErrorDataReceived += (_, e) => app.Collect(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var ready = await TwoInstancesTests.WaitUntilAsync(async () =>
            {
                if (process.HasExited)
                {
                    return true;
                }

                try
                {
                    return (await http.GetAsync(baseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException)
                {
                    return false;
                }
            }, timeout);
            if (!ready || process.HasExited)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The app at {baseUrl} did not become ready.\n{app.Output}");
            }

            return app;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(cts.Token);
            }

            process.Dispose();
        }

        private void Collect(string? line)
        {
            if (line is not null)
            {
                output.Enqueue(line);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>The web project's own build output next to this test project's (same configuration and framework).</summary>
        internal static (string Dll, string ProjectDirectory) WebProjectOutput()
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testOutput.Name;
            var configuration = testOutput.Parent!.Name;
            var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
            var project = Path.Combine(repository, "src", "ReferralPortal.Web");
            var dll = Path.Combine(project, "bin", configuration, framework, "ReferralPortal.Web.dll");
            return File.Exists(dll) ? (dll, project) : throw new FileNotFoundException("Build the web project first.", dll);
        }
    }
}
