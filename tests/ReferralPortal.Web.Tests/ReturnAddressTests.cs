using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// "Go back to" addresses with characters a response header cannot carry as they are (the language switch, the
/// login form's return address) and error-page addresses that name no error: never a 500.
/// </summary>
public sealed class ReturnAddressTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/referrals/outbound?q=Logística", "/referrals/outbound?q=Log%C3%ADstica")]
    [InlineData("/referrals/outbound?q=a%20b", "/referrals/outbound?q=a%20b")]
    public async Task Language_switch_goes_back_to_a_non_ascii_address_percent_encoded(string returnUrl, string location)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SwitchLanguageAsync("en", returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_link_with_a_non_ascii_return_address_signs_in_and_goes_back_to_it()
    {
        using var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync("/account/login?returnUrl=" + Uri.EscapeDataString("/referrals/outbound?q=Logística"));

        var response = await client.PostWithTokenAsync(page, "/account/login", [new("Email", DemoAccounts.NorthwindSales), new("Password", DemoAccounts.Password), new("ReturnUrl", page.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")!)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/referrals/outbound?q=Log%C3%ADstica", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/302")]
    [InlineData("/error/0")]
    [InlineData("/error/999")]
    [InlineData("/error/500")]
    [InlineData("/error/503")]
    public async Task Error_page_address_that_names_no_error_the_server_gave_is_not_found(string url)
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Not found", page.QuerySelector("main h1")?.TextContent.Trim());
    }
}
