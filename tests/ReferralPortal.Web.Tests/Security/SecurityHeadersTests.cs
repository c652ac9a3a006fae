using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>The response headers of representative pages, and the transport settings of a Production instance.</summary>
public sealed class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/account/login" },
        { null, "/no/such/page" },
        { DemoAccounts.NorthwindAdmin, "/referrals/outbound" },
        { DemoAccounts.NorthwindAdmin, "/deals/1" },
        { DemoAccounts.NorthwindAdmin, "/deals/new" },
        { DemoAccounts.NorthwindAdmin, "/insights" },
        { DemoAccounts.NorthwindAdmin, "/insights/data" },
        { DemoAccounts.Reviewer, "/inbound/new" },
        { DemoAccounts.ProgrammeAdmin, "/solutions" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_a_strict_content_security_policy_without_inline_allowances(string? email, string url)
    {
        using var client = email is null ? factory.CreatePortalClient() : await factory.LoginAsync(email);

        using var response = await client.GetAsync(url);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_policy_lives_in_the_service_registration_that_the_middleware_applies()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddPortalSecurityHeaders();
        await using var app = builder.Build();
        app.UseSecurityHeaders(); // the library's middleware with no policy of its own: it uses the registered one
        app.MapGet("/", () => "ok");
        await app.StartAsync(TestContext.Current.CancellationToken);

        using var response = await app.GetTestClient().GetAsync("/", TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_sends_hsts_over_https()
    {
        using var client = Production().CreateClient(Https());

        using var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_redirects_plain_http_to_https()
    {
        using var client = Production().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/account/login");

        Assert.True((int)response.StatusCode is 307 or 308, $"Got {(int)response.StatusCode}");
        Assert.Equal("https", response.Headers.Location?.Scheme);
    }

    [Fact]
    public async Task Production_auth_cookie_is_host_prefixed_secure_http_only_and_same_site_lax()
    {
        using var client = new PortalClient(Production().CreateClient(Https()));

        using var response = await client.LoginAsync(DemoAccounts.NorthwindAdmin);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-rp.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("; samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("; domain=", cookie, StringComparison.Ordinal);
    }

    private static WebApplicationFactoryClientOptions Https() =>
        new() { BaseAddress = new Uri("https://portal.example/"), AllowAutoRedirect = false, HandleCookies = true };

    private WebApplicationFactory<Program> Production()
    {
        _ = factory.Server; // seeded by the Development start; Production never seeds

        // Behind a TLS-terminating proxy the HTTPS port is configured (ASPNETCORE_HTTPS_PORT); a test server cannot discover it.
        return factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("https_port", "443"));
    }
}
