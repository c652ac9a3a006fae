using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>The sign-in scheme's redirects never carry the request's Host header: a forged one cannot send users elsewhere.</summary>
public sealed class HostHeaderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Forged = "evil.example";

    [Fact]
    public async Task Redirect_to_login_does_not_reflect_a_forged_host_header()
    {
        using var client = factory.CreatePortalClient();

        using var response = await SendWithHostAsync(client, "/referrals/outbound");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Freferrals%2Foutbound", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_to_access_denied_does_not_reflect_a_forged_host_header()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        using var response = await SendWithHostAsync(client, "/solutions/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/error/403?ReturnUrl=%2Fsolutions%2Fnew", response.Headers.Location?.OriginalString);
    }

    private static Task<HttpResponseMessage> SendWithHostAsync(PortalClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = Forged;
        return client.Http.SendAsync(request);
    }
}
