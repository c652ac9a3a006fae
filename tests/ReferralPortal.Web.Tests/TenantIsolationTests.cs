using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Partners never see another partner's deals, and the vendor never sees private deals: such a deal is a 404, not a 403.</summary>
public sealed class TenantIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.AdventureWorks)]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.Northwind)]
    public async Task Partner_user_gets_404_for_another_partners_deal(string viewer, string owner)
    {
        var deal = await DealOfAsync(owner);
        using var client = await factory.LoginAsync(viewer);

        var response = await client.GetAsync($"/deals/{deal}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.Northwind)]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.AdventureWorks)]
    public async Task Partner_user_sees_a_deal_of_their_own_organisation(string email, string organisation)
    {
        var deal = await DealOfAsync(organisation);
        using var client = await factory.LoginAsync(email);

        var page = await client.GetPageAsync($"/deals/{deal}");

        Assert.Contains(Deal.FormatReferralId(deal), page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vendor_reviewer_gets_404_for_a_private_deal()
    {
        var deal = await DealOfAsync(DemoAccounts.Northwind, DealType.Private);
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await client.GetAsync($"/deals/{deal}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Vendor_reviewer_sees_a_co_sell_deal()
    {
        var deal = await DealOfAsync(DemoAccounts.Northwind, DealType.CoSell);
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await client.GetAsync($"/deals/{deal}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.Northwind, "/referrals/outbound")]
    [InlineData(DemoAccounts.NorthwindSales, DemoAccounts.Northwind, "/referrals/inbound")]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.AdventureWorks, "/referrals/outbound")]
    [InlineData(DemoAccounts.AdventureWorksAdmin, DemoAccounts.AdventureWorks, "/referrals/inbound")]
    public async Task Partner_workspace_lists_only_their_own_organisations_deals(string email, string organisation, string tab)
    {
        using var client = await factory.LoginAsync(email);

        var listed = DealLinks(await client.GetPageAsync(tab));

        Assert.NotEmpty(listed);
        Assert.Subset(await DealIdsAsync(d => d.OwnerOrganisationId == OrganisationId(organisation)), listed);
    }

    [Fact]
    public async Task Vendor_workspace_lists_no_private_deals()
    {
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var listed = DealLinks(await client.GetPageAsync("/referrals/shared"));

        Assert.NotEmpty(listed);
        Assert.Subset(await DealIdsAsync(d => d.DealType == DealType.CoSell), listed);
    }

    private static HashSet<int> DealLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("a[href^='/deals/']")
            .Select(a => a.GetAttribute("href")!["/deals/".Length..])
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];

    private int OrganisationId(string name)
    {
        using var db = factory.NewDbContext();
        return db.Organisations.Where(o => o.Name == name).Select(o => o.Id).Single();
    }

    private async Task<HashSet<int>> DealIdsAsync(System.Linq.Expressions.Expression<Func<Deal, bool>> where)
    {
        await using var db = factory.NewDbContext();
        return [.. await db.Deals.IgnoreQueryFilters().Where(where).Select(d => d.Id).ToListAsync()];
    }

    private async Task<int> DealOfAsync(string organisation, DealType? type = null)
    {
        // The factory's app seeds the database on start; make sure it has started before reading.
        _ = factory.Server;
        var owner = OrganisationId(organisation);
        await using var db = factory.NewDbContext();
        return await db.Deals.IgnoreQueryFilters()
            .Where(d => d.OwnerOrganisationId == owner && (type == null || d.DealType == type))
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }
}
