using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The first usable pages: each user's workspace tabs, and the friendly not-found page.</summary>
public sealed class FoundationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin, "Inbound|Outbound|Favorites")]
    [InlineData(DemoAccounts.NorthwindSales, "Inbound|Outbound|Favorites")]
    [InlineData(DemoAccounts.FabrikamAdmin, "Inbound|Outbound|Favorites")]
    [InlineData(DemoAccounts.AdventureWorksAdmin, "Inbound|Outbound|Favorites")]
    [InlineData(DemoAccounts.Reviewer, "Shared with us|Sent|Favorites")]
    [InlineData(DemoAccounts.ProgrammeAdmin, "Shared with us|Sent|Favorites")]
    public async Task Workspace_shows_the_tabs_of_the_users_side_of_the_programme(string email, string tabs)
    {
        using var client = await factory.LoginAsync(email);

        var page = await client.GetPageAsync(await client.LandingAsync("/"));

        var shown = page.QuerySelectorAll("nav[aria-label='Referral tabs'] a").Select(a => a.FirstChild?.TextContent.Trim());
        Assert.Equal(tabs.Split('|'), shown);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/outbound")]
    [InlineData(DemoAccounts.Reviewer, "/referrals/shared")]
    public async Task Home_page_redirects_to_the_users_default_tab(string email, string tab)
    {
        using var client = await factory.LoginAsync(email);

        Assert.Equal(tab, await client.LandingAsync("/"));
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, "/referrals/shared")]
    [InlineData(DemoAccounts.Reviewer, "/referrals/outbound")]
    [InlineData(DemoAccounts.Reviewer, "/referrals/nonsense")]
    public async Task Tab_of_the_other_side_gives_404(string email, string url)
    {
        using var client = await factory.LoginAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/deals/999999")]
    [InlineData("/deals/0")]
    [InlineData("/deals/-1")]
    [InlineData("/deals/abc")]
    [InlineData("/deals/99999999999999999999")]
    [InlineData("/no/such/page")]
    public async Task Unknown_address_gives_the_not_found_page_with_a_request_id(string url)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync(url, HttpStatusCode.NotFound);

        Assert.Equal("Not found", page.QuerySelector("main h1")?.TextContent.Trim());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main code")?.TextContent));
    }
}
