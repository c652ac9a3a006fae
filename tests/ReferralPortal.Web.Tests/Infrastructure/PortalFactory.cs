using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, on a database of its own (<see cref="TestDatabase"/>: a SQLite file the app's own
/// start-up migrates and demo-seeds, or, with REFERRALS_TEST_POSTGRES set, a PostgreSQL copy of a demo-seeded
/// template), with a fake clock so tests can move time. One factory per test class; use <see cref="PortalClient"/> to act as a user.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The demo's "now": the seed writes history relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase database;
    private readonly bool jobs;

    public PortalFactory()
        : this(TestDatabase.ForTestClass(), jobs: true)
    {
    }

    internal PortalFactory(TestDatabase database, bool jobs)
    {
        this.database = database;
        this.jobs = jobs;
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public string ConnectionString => database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Referrals", ConnectionString);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimits:LoginPerMinute", "1000");

        // Every test request comes from one (test server) address and admins sign in without a second factor,
        // unless a test is about those (Signin tests set them back).
        builder.UseSetting("Security:AddressFailuresBeforeBlock", "1000");
        builder.UseSetting("Security:RequireTwoFactorForAdmins", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (!jobs)
        {
            builder.UseSetting("Jobs:ReviewWindow:Enabled", "false");
            builder.UseSetting("Email:OutboxEnabled", "false");
            builder.UseSetting("Webhooks:Enabled", "false");
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>An unscoped context on the test database, to arrange data and to check what a request changed.</summary>
    public ReferralsDbContext NewDbContext() => database.NewDbContext();

    public PortalClient CreatePortalClient() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<PortalClient> LoginAsync(string email)
    {
        var client = CreatePortalClient();
        await client.LoginAsync(email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }
}
