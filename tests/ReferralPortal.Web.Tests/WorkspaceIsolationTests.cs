using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Every tab lists only what the user's organisation may see, and the tab badges count decisions awaiting this side.</summary>
public sealed class WorkspaceIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<int>> ExpectedAsync(Func<IQueryable<Deal>, IQueryable<Deal>> where)
    {
        await using var db = WorkspaceTestData.Db(factory);
        return [.. (await where(db.Deals).Select(d => d.Id).ToListAsync()).Order()];
    }

    private async Task<List<int>> ShownAsync(string email, string tab)
    {
        using var client = await factory.LoginAsync(email);
        return [.. WorkspaceTestData.DealIds(await client.GetPageAsync($"/referrals/{tab}?pageSize=100")).Order()];
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.Northwind, "outbound", DealDirection.Outbound)]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.Northwind, "inbound", DealDirection.Inbound)]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.AdventureWorks, "outbound", DealDirection.Outbound)]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.AdventureWorks, "inbound", DealDirection.Inbound)]
    public async Task Partner_tab_lists_exactly_their_own_deals_of_that_direction(string email, string organisation, string tab, DealDirection direction)
    {
        var org = await WorkspaceTestData.OrganisationIdAsync(factory, organisation);
        var expected = await ExpectedAsync(q => q.Where(d => d.OwnerOrganisationId == org && d.Direction == direction));

        var shown = await ShownAsync(email, tab);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Fabrikam_without_deals_sees_an_empty_outbound_tab()
    {
        var shown = await ShownAsync(DemoAccounts.FabrikamAdmin, "outbound");

        Assert.Empty(shown);
    }

    [Theory]
    [InlineData("shared", DealDirection.Outbound)]
    [InlineData("sent", DealDirection.Inbound)]
    public async Task Vendor_tab_lists_exactly_the_co_sell_deals_of_that_direction(string tab, DealDirection direction)
    {
        var expected = await ExpectedAsync(q => q.Where(d => d.DealType == DealType.CoSell && d.Direction == direction));

        var shown = await ShownAsync(DemoAccounts.Reviewer, tab);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Partner_cannot_open_the_vendors_tabs()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.GetAsync("/referrals/sent");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Inbound_badge_counts_new_inbound_referrals_still_in_their_window_for_an_admin_who_may_decide_them()
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var expected = (await ExpectedAsync(q => q.Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Inbound
            && d.Status == DealStatus.New && d.ReviewDueAt > now))).Count;
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.True(expected > 0);
        Assert.StartsWith(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=awaiting-inbound]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=awaiting-outbound]"));
    }

    [Fact]
    public async Task Favorites_badge_counts_only_the_users_favourites_that_await_a_decision()
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        var actor = await new DealBuilder(factory).ActorAsync(DemoAccounts.NorthwindAdmin);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            var awaiting = await db.Deals.Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Inbound
                && d.Status == DealStatus.New && d.ReviewDueAt > now).OrderBy(d => d.Id).Select(d => d.Id).Take(2).ToListAsync();
            var notAwaiting = await db.Deals.Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Outbound)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(3).ToListAsync();
            var already = await db.DealFavourites.Where(f => f.UserId == actor.UserId).Select(f => f.DealId).ToListAsync();
            Assert.Equal(2, awaiting.Count);
            db.DealFavourites.AddRange(awaiting.Concat(notAwaiting).Except(already).Select(id => new DealFavourite(actor.UserId, id)));
            await db.SaveChangesAsync();
        }

        int expected;
        await using (var db = WorkspaceTestData.Db(factory))
        {
            expected = await db.DealFavourites.CountAsync(f => f.UserId == actor.UserId && db.Deals.Any(d => d.Id == f.DealId
                && d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Inbound && d.Status == DealStatus.New && d.ReviewDueAt > now));
            Assert.True(expected < await db.DealFavourites.CountAsync(f => f.UserId == actor.UserId), "some favourites must not await a decision");
        }

        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.True(expected >= 2);
        Assert.StartsWith(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=awaiting-favorites]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tabs_are_links_with_the_active_one_marked_current()
    {
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/referrals/sent");

        var tabs = page.QuerySelectorAll("nav[aria-label='Referral tabs'] a").ToList();
        Assert.Equal(["/referrals/shared", "/referrals/sent", "/referrals/favorites"], tabs.Select(a => a.GetAttribute("href")));
        Assert.Equal(["/referrals/sent"], tabs.Where(a => a.GetAttribute("aria-current") == "page").Select(a => a.GetAttribute("href")));
    }
}
