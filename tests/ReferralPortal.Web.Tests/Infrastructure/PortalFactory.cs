using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// The real app over HTTP, on its own SQLite file (migrated and demo-seeded by the app's own start-up),
/// with a fake clock so tests can move time. One factory per test class; use <see cref="PortalClient"/> to act as a user.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The demo's "now": the seed writes history relative to it.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"rp-test-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Clock { get; } = new(Start);

    public string ConnectionString => $"Data Source={databasePath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Referrals", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("RateLimits:LoginPerMinute", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>An unscoped context on the test database, to arrange data and to check what a request changed.</summary>
    public ReferralsDbContext NewDbContext()
    {
        var options = new DbContextOptionsBuilder<ReferralsDbContext>()
            .UseSqlite(ConnectionString, x => x.MigrationsAssembly("ReferralPortal.Data.Sqlite"))
            .Options;
        return new ReferralsDbContext(options);
    }

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            try
            {
                File.Delete(databasePath + suffix);
            }
            catch (IOException)
            {
                // Best effort: a temp file left behind is harmless.
            }
        }
    }
}
