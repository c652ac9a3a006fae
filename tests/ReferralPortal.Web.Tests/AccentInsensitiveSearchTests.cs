using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, defect 7: customer matching and search ignore accents and case (through the domain's one
/// <see cref="SearchKey"/>, stored beside each name), and partial referral IDs are found.
/// </summary>
public sealed class AccentInsensitiveSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Lisboa = "Lisboa Logística SA";

    [Fact]
    public async Task Adding_a_customer_manually_without_the_accent_reuses_the_accented_one()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await using var db = factory.NewDbContext();
        var before = await db.Customers.CountAsync(TestContext.Current.CancellationToken);

        var response = await NewDealSteps.AddManualCustomerAsync(client, "Lisboa Logistica SA");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.False(await db.Customers.AnyAsync(c => c.Name == "Lisboa Logistica SA", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("logistica")]
    [InlineData("LOGÍSTICA")]
    [InlineData("lisboa logistica")]
    public async Task Wizard_customer_search_without_accents_or_in_any_case_finds_the_accented_customer(string text)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/deals/new?country=PT&name=" + Uri.EscapeDataString(text));

        Assert.Contains(Lisboa, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logistica")]
    [InlineData("LOGISTICA")]
    [InlineData("logística  sa")]
    public async Task Workspace_search_without_accents_finds_the_accented_customers_deals(string text)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var expected = await OutboundDealsAsync(d => d.Customer.Name == Lisboa);

        var found = await WorkspaceTestData.SearchOutboundAsync(client, text);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, found.Order());
    }

    [Fact]
    public async Task Workspace_search_without_accents_finds_an_accented_deal_name()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var id = (await OutboundDealsAsync(_ => true))[0];
        await using (var db = factory.NewDbContext())
        {
            var deal = await db.Deals.SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken);
            db.Entry(deal).Property(d => d.Name).CurrentValue = "Migração Quokka Açores";
            db.Entry(deal).Property(d => d.NormalisedName).CurrentValue = SearchKey.Of("Migração Quokka Açores");
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal([id], await WorkspaceTestData.SearchOutboundAsync(client, "migracao quokka acores"));
        Assert.Equal([id], await WorkspaceTestData.SearchOutboundAsync(client, "çor"));
    }

    [Fact]
    public async Task Workspace_search_by_the_start_of_a_referral_id_finds_the_deals_it_begins()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var ids = await OutboundDealsAsync(_ => true);
        var id = ids[0];
        var start = Deal.FormatReferralId(id)[..^1];

        var found = await WorkspaceTestData.SearchOutboundAsync(client, start);

        Assert.Contains(id, found);
        Assert.All(found, f => Assert.StartsWith(start, Deal.FormatReferralId(f), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Workspace_search_by_digits_of_a_referral_id_finds_the_deal()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var id = (await OutboundDealsAsync(_ => true))[^1];
        var digits = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains(id, await WorkspaceTestData.SearchOutboundAsync(client, digits));
    }

    [Theory]
    [InlineData("R-0001", 100, 199)]
    [InlineData("r-12345", 123450, 123459)]
    public void A_referral_id_start_stands_for_the_range_of_ids_it_begins(string text, int from, int to)
    {
        var search = ReferralIdSearch.For(text);

        Assert.Equal((from, to), (search.From, search.To));
    }

    [Fact]
    public void The_search_key_ignores_accents_case_and_extra_spaces()
    {
        Assert.Equal("LISBOA LOGISTICA SA", SearchKey.Of("  lisboa   Logística\tsa "));
    }

    private async Task<List<int>> OutboundDealsAsync(System.Linq.Expressions.Expression<Func<Deal, bool>> where)
    {
        await using var db = factory.NewDbContext();
        var org = await db.Organisations.Where(o => o.Name == DemoAccounts.Northwind).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.Deals.Where(d => d.OwnerOrganisationId == org && d.Direction == DealDirection.Outbound).Where(where)
            .OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(TestContext.Current.CancellationToken);
    }
}
