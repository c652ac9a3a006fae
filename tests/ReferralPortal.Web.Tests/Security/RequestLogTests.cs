using System.Net;
using System.Text.Json;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// What a Production instance really writes: `dotnet ReferralPortal.Web.dll` in the Production environment, its
/// console sink (compact JSON, one event a line) read from its standard output. Security-relevant requests each
/// leave a request line and their own event; a scanner's garbage cookie leaves no error and no stack trace.
/// </summary>
public sealed class RequestLogTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Fact]
    public async Task Failed_sign_in_is_in_the_console_log_with_its_request_line()
    {
        using var client = app.NewClient();
        var from = app.Process.Lines.Count;

        using var response = await client.LoginAsync(DemoAccounts.NorthwindSales, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await app.WaitForAsync(from, e => IsRequest(e, "POST", "/account/login", 200));
        Assert.Contains(events, e => Message(e).StartsWith("Sign-in failed", StringComparison.Ordinal) && Level(e) == "Warning");
        Assert.DoesNotContain(events, e => e.GetRawText().Contains(DemoAccounts.NorthwindSales, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Refused_anti_forgery_token_is_in_the_console_log()
    {
        using var client = app.NewClient();
        var from = app.Process.Lines.Count;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = DemoAccounts.NorthwindSales, ["Password"] = DemoAccounts.Password });

        using var response = await client.Http.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await app.WaitForAsync(from, e => IsRequest(e, "POST", "/account/login", 400));
    }

    [Fact]
    public async Task Forbidden_request_is_in_the_console_log_with_the_user()
    {
        using var client = await SignedInAsync();
        var from = app.Process.Lines.Count;

        using var response = await client.GetAsync("/solutions/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var denied = EventWithUser(await app.WaitForAsync(from, e => IsRequest(e, "GET", "/solutions/new", 302)), "Access denied");
        Assert.Equal("Warning", Level(denied));
        using var page = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        await app.WaitForAsync(from, e => IsRequest(e, "GET", "/error/403", 403));
    }

    [Fact]
    public async Task Sign_out_is_in_the_console_log_with_the_user()
    {
        using var client = await SignedInAsync();
        var page = await client.GetPageAsync("/notifications");
        var from = app.Process.Lines.Count;

        using var response = await client.PostWithTokenAsync(page, "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        EventWithUser(await app.WaitForAsync(from, e => IsRequest(e, "POST", "/account/logout", 302)), "Signed out");
    }

    [Fact]
    public async Task Garbage_anti_forgery_cookies_write_no_error_and_no_stack_trace()
    {
        const int Requests = 20;
        var from = app.Process.Lines.Count;

        for (var i = 0; i < Requests; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            request.Headers.Add("Cookie", $"rp.af=CfDJ8garbage{i}-not-a-token");
            using var http = app.NewClient();
            using var response = await http.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var events = await app.WaitForAsync(from, e => IsRequest(e, "GET", "/account/login", 200), Requests);
        Assert.DoesNotContain(events, e => Level(e) is "Error" or "Fatal");
        Assert.DoesNotContain(events, e => e.TryGetProperty("@x", out _));
        Assert.InRange(events.Count(e => Message(e).StartsWith("Unreadable token", StringComparison.Ordinal)), 1, Requests / 2);
    }

    private async Task<PortalClient> SignedInAsync()
    {
        var client = app.NewClient();
        await client.LoginAsync(DemoAccounts.NorthwindSales);
        return client;
    }

    // The one event of the request that starts with the message; it names the signed-in user.
    private static JsonElement EventWithUser(IReadOnlyList<JsonElement> events, string message)
    {
        var found = Assert.Single(events, e => Message(e).StartsWith(message, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(found.GetProperty("UserId").GetString()), $"“{message}” does not name the user.");
        return found;
    }

    private static bool IsRequest(JsonElement e, string method, string path, int status) =>
        e.TryGetProperty("RequestPath", out var p) && p.GetString() == path
        && e.TryGetProperty("RequestMethod", out var m) && m.GetString() == method
        && e.TryGetProperty("StatusCode", out var s) && s.GetInt32() == status;

    private static string Message(JsonElement e) => e.TryGetProperty("@m", out var m) ? m.GetString() ?? string.Empty : string.Empty;

    // Compact JSON leaves the level out for Information.
    private static string Level(JsonElement e) => e.TryGetProperty("@l", out var l) ? l.GetString() ?? string.Empty : "Information";
}

/// <summary>One Production process of the app on a database the demo seed prepared (Production never seeds).</summary>
public sealed class ProductionApp : IAsyncLifetime
{
    private readonly PortalFactory seeded = new();

    public TwoInstances.AppProcess Process { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = seeded.Server;
        Process = await TwoInstances.AppProcess.StartAsync(seeded.ConnectionString, TimeSpan.FromSeconds(90), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",

            // Plain HTTP on loopback, as the benchmarks run it: no HTTPS redirection, cookies without Secure.
            ["Hosting__HttpsRedirection"] = "false",
            ["Hosting__SecureCookies"] = "false",
            ["Seed__Demo"] = "false",
            ["Jobs__ReviewWindow__Enabled"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Information",
        });
    }

    public PortalClient NewClient()
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        return new PortalClient(new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(Process.BaseUrl) });
    }

    /// <summary>
    /// The JSON events written since line <paramref name="from"/>, once <paramref name="count"/> of them match
    /// <paramref name="until"/> (the request line is written last, when the response is complete).
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForAsync(int from, Func<JsonElement, bool> until, int count = 1)
    {
        IReadOnlyList<JsonElement> events = [];
        var done = await TwoInstancesTests.WaitUntilAsync(() =>
        {
            events = Parse(Process.Lines.Skip(from));
            return Task.FromResult(events.Count(until) >= count);
        }, TimeSpan.FromSeconds(30));
        Assert.True(done, "The expected log lines did not appear. The process wrote:\n" + string.Join("\n", Process.Lines.Skip(from)));
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        seeded.Dispose();
    }

    private static List<JsonElement> Parse(IEnumerable<string> lines)
    {
        var events = new List<JsonElement>();
        foreach (var line in lines.Where(l => l.StartsWith('{')))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                events.Add(json.RootElement.Clone());
            }
            catch (JsonException)
            {
                // A line that merely starts with a brace is not an event.
            }
        }

        return events;
    }
}
