using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The SQLite search goes through the FTS5 trigram table; these prove the table follows the deals.</summary>
public sealed class WorkspaceSearchIndexTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Renamed_deal_is_found_by_a_fragment_of_its_new_name()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var id = await NorthwindOutboundDealAsync();
        await using (var db = factory.NewDbContext())
        {
            await db.Deals.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Name, "Quokkaquest platform").SetProperty(d => d.NormalisedName, SearchKey.Of("Quokkaquest platform")));
        }

        Assert.Equal([id], await WorkspaceTestData.SearchOutboundAsync(client, "kaques"));
    }

    [Fact]
    public async Task Search_matches_customer_names_case_insensitively()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        await using var db = factory.NewDbContext();
        var expected = await db.Deals.Where(d => d.OwnerOrganisationId == NorthwindId(db) && d.Direction == DealDirection.Outbound && d.Customer.Name.Contains("Lisboa"))
            .Select(d => d.Id).OrderBy(x => x).ToListAsync();

        var found = await WorkspaceTestData.SearchOutboundAsync(client, "lisBOA");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Order());
    }

    [Fact]
    public async Task Search_finds_a_deal_by_its_own_name_and_the_deals_of_a_customer_by_the_customer_name_each_once()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        await using var db = factory.NewDbContext();
        var org = NorthwindId(db);
        var outbound = db.Deals.Where(d => d.OwnerOrganisationId == org && d.Direction == DealDirection.Outbound);
        var byName = await outbound.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var customer = await outbound.Where(d => d.Id != byName && !d.Customer.Name.Contains("Lisboa")).OrderByDescending(d => d.Id).Select(d => d.CustomerId).FirstAsync();
        await db.Deals.Where(d => d.Id == byName).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Name, "Wombatwise rollout").SetProperty(d => d.NormalisedName, SearchKey.Of("Wombatwise rollout")));
        await db.Customers.Where(c => c.Id == customer).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Name, "Wombatwise Holdings").SetProperty(c => c.NormalisedName, SearchKey.Of("Wombatwise Holdings")));
        var expected = await outbound.Where(d => d.Id == byName || d.CustomerId == customer).Select(d => d.Id).OrderBy(x => x).ToListAsync();

        var found = await WorkspaceTestData.SearchOutboundAsync(client, "batwis");

        Assert.Contains(byName, expected);
        Assert.True(expected.Count > 1, "the customer has deals of its own");
        Assert.Equal(expected, found.Order());
    }

    [Theory]
    [InlineData("\"Lisboa\" OR *")]
    [InlineData("NEAR(a b)")]
    [InlineData("x\"")]
    [InlineData("ab")]
    [InlineData("Lis\0boa")]
    public async Task Search_text_with_full_text_syntax_is_literal_and_never_fails(string text)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.GetAsync("/referrals/outbound?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> NorthwindOutboundDealAsync()
    {
        await using var db = factory.NewDbContext();
        var org = NorthwindId(db);
        return await db.Deals.Where(d => d.OwnerOrganisationId == org && d.Direction == DealDirection.Outbound).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    private static int NorthwindId(Data.ReferralsDbContext db) => db.Organisations.Single(o => o.Name == DemoAccounts.Northwind).Id;
}
