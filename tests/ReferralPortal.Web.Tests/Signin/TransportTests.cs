using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// A Production instance: HSTS of at least a year with sub-domains, HTTPS redirection and HSTS also behind a trusted
/// TLS-terminating proxy (its X-Forwarded-Proto, no one else's), and every cookie Secure and __Host- prefixed.
/// </summary>
public sealed class TransportTests(SigninFactory factory) : IClassFixture<SigninFactory>
{
    [Fact]
    public async Task Hsts_lasts_a_year_and_covers_sub_domains()
    {
        using var client = Production().CreateClient(Https());

        using var response = await client.GetAsync("/account/login");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_a_forwarded_https_request_is_served_with_hsts_and_a_plain_one_redirected()
    {
        using var tls = ProxyClient(peer: "10.0.0.1", proto: "https");
        using var plain = ProxyClient(peer: "10.0.0.1", proto: "http");

        using var served = await tls.GetAsync("/account/login");
        using var redirected = await plain.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.StartsWith("max-age=31536000", Assert.Single(served.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.True((int)redirected.StatusCode is 307 or 308, $"Got {(int)redirected.StatusCode}");
    }

    [Fact]
    public async Task A_forwarded_scheme_from_an_untrusted_peer_is_ignored()
    {
        using var spoofed = ProxyClient(peer: "198.51.100.9", proto: "https");

        using var response = await spoofed.GetAsync("/account/login");

        Assert.True((int)response.StatusCode is 307 or 308, $"Got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Anti_forgery_TempData_and_culture_cookies_are_secure_and_host_prefixed()
    {
        using var client = new PortalClient(Production().CreateClient(Https()));

        using var login = await client.GetAsync("/account/login");
        using var culture = await client.SwitchLanguageAsync("pt-PT");
        using var forgot = await client.PostFormAsync("/account/login", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = "someone@people.example" });
        using var flash = await client.LoginAsync(Data.Seeding.DemoAccounts.NorthwindSales);
        using var changed = await client.PostFormAsync("/account", "/account/profile", new Dictionary<string, string> { ["Profile.DisplayName"] = "Sales Person", ["Profile.Language"] = "en" });

        AssertSecureHostCookie(login, "__Host-rp.af=");
        AssertSecureHostCookie(culture, "__Host-rp.culture=");
        AssertSecureHostCookie(changed, "__Host-rp.tempdata=");
    }

    private static void AssertSecureHostCookie(HttpResponseMessage response, string prefix)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", cookie, StringComparison.Ordinal);
        Assert.Contains("; path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("; domain=", cookie, StringComparison.Ordinal);
    }

    private HttpClient ProxyClient(string peer, string proto)
    {
        var client = Production().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SigninFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.50");
        return client;
    }

    private static WebApplicationFactoryClientOptions Https() =>
        new() { BaseAddress = new Uri("https://portal.example/"), AllowAutoRedirect = false, HandleCookies = true };

    private WebApplicationFactory<Program> Production()
    {
        _ = factory.Server; // seeded by the Development start; Production never seeds
        return factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("https_port", "443"));
    }
}
