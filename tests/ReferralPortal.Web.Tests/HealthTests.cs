using System.Net;
using Microsoft.AspNetCore.Hosting;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoint_answers_healthy_without_signing_in(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_unhealthy_when_the_configured_postgres_server_does_not_answer()
    {
        TestDatabase.SkipUnlessPostgres();
        // Port 1 on loopback: nothing listens there, so the provider's own connection attempt fails at once.
        var unreachable = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Port = 1, Timeout = 3 }.ConnectionString;
        await using var app = factory.WithWebHostBuilder(b => b
            .UseSetting("ConnectionStrings:Referrals", unreachable)
            .UseSetting("Database:MigrateOnStartup", "false")
            .UseSetting("Seed:Demo", "false")
            .UseSetting("Jobs:ReviewWindow:Enabled", "false")
            .UseSetting("Email:OutboxEnabled", "false"));
        using var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
