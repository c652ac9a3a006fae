using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The star: per-user favourites added and removed by a protected POST, with and without JavaScript.</summary>
public sealed class WorkspaceFavouriteTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FilteredView = "/referrals/outbound?country=ES&status=Active&sort=Value&dir=desc";

    // Each test stars its own deal (by index), so the tests of this class do not disturb each other.
    // The seed stars the first Northwind deals for the sales user; those are skipped.
    private async Task<int> NorthwindDealAsync(int index)
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        await using var db = WorkspaceTestData.Db(factory);
        return await db.Deals.Where(d => d.OwnerOrganisationId == northwind && d.Direction == Domain.Deals.DealDirection.Outbound)
            .OrderBy(d => d.Id).Select(d => d.Id).Skip(10 + index).FirstAsync();
    }

    private async Task<bool> IsFavouriteAsync(string email, int dealId)
    {
        var user = await new DealBuilder(factory).ActorAsync(email);
        await using var db = WorkspaceTestData.Db(factory);
        return await db.DealFavourites.AnyAsync(f => f.UserId == user.UserId && f.DealId == dealId);
    }

    private static Dictionary<string, string> Star(bool favourite, string returnUrl) => new()
    {
        ["Favourite"] = favourite ? "true" : "false",
        ["ReturnUrl"] = returnUrl,
    };

    [Fact]
    public async Task Adding_a_favourite_without_javascript_stores_it_and_redirects_back_to_the_filtered_view()
    {
        var dealId = await NorthwindDealAsync(0);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync(FilteredView, $"/deals/{dealId}/favourite", Star(true, FilteredView));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FilteredView, response.Headers.Location!.OriginalString);
        Assert.True(await IsFavouriteAsync(DemoAccounts.NorthwindSales, dealId));
    }

    [Fact]
    public async Task Starred_deal_shows_a_remove_button_and_appears_on_the_favorites_tab()
    {
        var dealId = await NorthwindDealAsync(1);
        await using var db = WorkspaceTestData.Db(factory);
        var country = await db.Deals.Where(d => d.Id == dealId).Select(d => d.LocationCountry).SingleAsync();
        var view = $"/referrals/outbound?country={country}&pageSize=100";
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        await client.PostFormAsync(view, $"/deals/{dealId}/favourite", Star(true, view));

        var page = await client.GetPageAsync(view);
        var favorites = await client.GetPageAsync("/referrals/favorites?pageSize=100");

        var row = page.QuerySelectorAll("table.table-deals tbody tr").Single(r => r.QuerySelector($"a[href='/deals/{dealId}']") is not null);
        Assert.Equal("Remove from favorites", row.QuerySelector("button")!.GetAttribute("aria-label"));
        Assert.Contains(dealId, WorkspaceTestData.DealIds(favorites));
    }

    [Fact]
    public async Task Removing_a_favourite_deletes_only_this_users_favourite()
    {
        var dealId = await NorthwindDealAsync(2);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        await admin.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));
        await sales.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));

        await sales.PostFormAsync("/referrals/favorites", $"/deals/{dealId}/favourite", Star(false, "/referrals/favorites"));

        Assert.False(await IsFavouriteAsync(DemoAccounts.NorthwindSales, dealId));
        Assert.True(await IsFavouriteAsync(DemoAccounts.NorthwindAdmin, dealId));
    }

    [Fact]
    public async Task Favourites_of_another_user_do_not_show_on_my_favorites_tab()
    {
        var dealId = await NorthwindDealAsync(3);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await admin.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var favorites = await sales.GetPageAsync("/referrals/favorites?pageSize=100");

        Assert.DoesNotContain(dealId, WorkspaceTestData.DealIds(favorites));
    }

    [Fact]
    public async Task Adding_the_same_favourite_twice_keeps_one_and_succeeds()
    {
        var dealId = await NorthwindDealAsync(4);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        await client.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));
        var again = await client.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = WorkspaceTestData.Db(factory);
        Assert.Equal(1, await db.DealFavourites.CountAsync(f => f.DealId == dealId));
    }

    [Fact]
    public async Task Script_request_gets_json_instead_of_a_redirect()
    {
        var dealId = await NorthwindDealAsync(7);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var page = await client.GetPageAsync("/referrals/outbound");
        var token = page.QuerySelector("form.favourite-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/deals/{dealId}/favourite")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Favourite"] = "true", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"favourite\":true}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_without_the_antiforgery_token_is_refused()
    {
        var dealId = await NorthwindDealAsync(5);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        using var content = new FormUrlEncodedContent(Star(true, "/referrals/outbound"));

        var response = await client.Http.PostAsync($"/deals/{dealId}/favourite", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await IsFavouriteAsync(DemoAccounts.NorthwindAdmin, dealId));
    }

    [Fact]
    public async Task Starring_another_partners_deal_is_not_found_and_stores_nothing()
    {
        var adventure = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.AdventureWorks);
        int dealId;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            dealId = await db.Deals.Where(d => d.OwnerOrganisationId == adventure).Select(d => d.Id).FirstAsync();
        }

        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "/referrals/outbound"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await IsFavouriteAsync(DemoAccounts.NorthwindSales, dealId));
    }

    [Fact]
    public async Task Return_url_to_another_site_is_replaced_by_the_deal_page()
    {
        var dealId = await NorthwindDealAsync(6);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/referrals/outbound", $"/deals/{dealId}/favourite", Star(true, "https://evil.example/"));

        Assert.Equal($"/deals/{dealId}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Missing_favourite_value_is_a_bad_request()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/referrals/outbound", "/deals/1/favourite", new Dictionary<string, string> { ["Favourite"] = "maybe" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Favorites_tab_applies_the_same_filters()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var all = WorkspaceTestData.DealIds(await client.GetPageAsync("/referrals/favorites?pageSize=100"));

        var page = await client.GetPageAsync("/referrals/favorites?pageSize=100&status=Won");

        var won = WorkspaceTestData.DealIds(page);
        await using var db = WorkspaceTestData.Db(factory);
        var expected = await db.Deals.Where(d => all.Contains(d.Id) && d.Status == Domain.Deals.DealStatus.Won).Select(d => d.Id).ToListAsync();
        Assert.Equal(expected.Order(), won.Order());
        Assert.NotNull(page.QuerySelector("form.workspace-filters"));
    }
}
