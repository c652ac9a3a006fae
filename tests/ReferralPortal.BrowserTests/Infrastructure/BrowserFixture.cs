using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ReferralPortal.Data;

namespace ReferralPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel (loopback, random port, its own SQLite file) and Debian's headless Chromium
/// driven by Playwright. When Chromium is missing, tests report as skipped with how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"rp-browser-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = string.Empty;

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public const string SkipMessage = "Chromium is not installed: run `apt-get install -y chromium` (Debian) to run the browser tests.";

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumAvailable)
        {
            return;
        }

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Referrals", $"Data Source={databasePath}");
            b.UseSetting("Seed:Demo", "true");
            b.UseUrls("http://127.0.0.1:0");
            b.UseSetting("RateLimits:LoginPerMinute", "1000");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");

            // The webhooks test's receiver listens on loopback; the worker runs every second.
            b.UseSetting("Webhooks:AllowPrivateNetworks", "true");
            b.UseSetting("Webhooks:Interval", "00:00:01");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        // CI machines are shared and slow at times; an assertion that holds returns at once, so a longer limit
        // than Playwright's 5 s only delays a real failure and leaves room for a slow but correct page.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (own cookies) on a page of the given size; with JavaScript off to check the plain-HTML path.</summary>
    public async Task<IPage> NewPageAsync(int width = 1366, int height = 768, bool javaScript = true)
    {
        Assert.SkipUnless(ChromiumAvailable, SkipMessage);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Clears every user's stored language. Switching language while signed in stores the choice on the user and
    /// signing in brings it back, so a test class that switches calls this when each test ends: the next test's
    /// sign-in starts in English again.
    /// </summary>
    public async ValueTask ForgetLanguageChoicesAsync()
    {
        if (factory is null)
        {
            return;
        }

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ReferralsDbContext>>().CreateDbContextAsync();
        await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, (string?)null));
    }

    /// <summary>Arranges data the pages will show, on the app's own database.</summary>
    public async Task WithDatabaseAsync(Func<ReferralsDbContext, Task> work)
    {
        Assert.SkipUnless(ChromiumAvailable, SkipMessage);
        await using var db = await factory!.Services.GetRequiredService<IDbContextFactory<ReferralsDbContext>>().CreateDbContextAsync();
        await work(db);
    }

    /// <summary>Logs in through the real login page, as a user would.</summary>
    public static async Task LoginAsync(IPage page, string email, string password = Data.Seeding.DemoAccounts.Password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await page.ToLeaveAsync("/account/login");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
