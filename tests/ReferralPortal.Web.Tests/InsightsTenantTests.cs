using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Whose deals the Insights page and its data endpoint count. Expected figures are recomputed here with
/// plain LINQ over every seeded row, then filtered the way SPEC section 1 says each side may see them.
/// </summary>
public sealed class InsightsTenantTests(InsightsFactory factory) : IClassFixture<InsightsFactory>
{
    [Theory]
    [InlineData("/insights")]
    [InlineData("/insights/data")]
    public async Task Anonymous_request_is_redirected_to_the_login_page(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_page_counts_only_its_own_organisations_deals()
    {
        var rows = await AllDealsAsync();
        var northwind = await OrganisationIdAsync(DemoAccounts.Northwind);
        var expected = Enum.GetValues<DealStatus>()
            .Select(s => rows.Count(d => d.Owner == northwind && d.Status == s).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/insights");

        Assert.Equal(expected, InsightsJson.TableColumn(page, "status-table", 1));
    }

    [Fact]
    public async Task Partner_data_endpoint_sums_only_its_own_organisations_values()
    {
        var rows = await AllDealsAsync();
        var northwind = await OrganisationIdAsync(DemoAccounts.Northwind);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        using var json = await InsightsJson.GetAsync(client);

        foreach (var currency in new[] { "EUR", "GBP", "USD" })
        {
            var expected = Enum.GetValues<DealStatus>()
                .Select(s => rows.Where(d => d.Owner == northwind && d.Status == s && d.Currency == currency).Sum(d => d.Value))
                .ToList();
            Assert.Equal(expected, InsightsJson.Series(json, "status", currency));
        }
    }

    [Fact]
    public async Task Partner_needs_attention_lists_no_other_partners_registrations()
    {
        var rows = await AllDealsAsync();
        var northwind = await OrganisationIdAsync(DemoAccounts.Northwind);
        var submitted = rows.Where(d => d.Registration == RegistrationStatus.Submitted).ToList();
        Assert.Contains(submitted, d => d.Owner != northwind); // Adventure Works has one too, so the check can fail
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/insights");

        var expected = submitted.Where(d => d.Owner == northwind).Select(d => $"/deals/{d.Id}").Order().ToList();
        Assert.Equal(expected, InsightsJson.DealHrefs(page, "registrations-table").Order().ToList());
    }

    [Fact]
    public async Task Vendor_data_endpoint_counts_every_co_sell_deal_of_the_programme_and_no_private_one()
    {
        var rows = await AllDealsAsync();
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        using var json = await InsightsJson.GetAsync(client);

        Assert.Equal([rows.Count(d => d.Type == DealType.CoSell), 0m], InsightsJson.Series(json, "dealType", "deals"));
    }

    [Fact]
    public async Task Vendor_needs_attention_lists_partners_co_sell_referrals_due_within_three_days()
    {
        var rows = await AllDealsAsync();
        var now = PortalFactory.Start.UtcDateTime;
        var expected = rows
            .Where(d => d.Type == DealType.CoSell && d.Direction == DealDirection.Outbound && d.Status == DealStatus.New
                && d.ReviewDueAt > now && d.ReviewDueAt <= now.AddDays(3))
            .Select(d => $"/deals/{d.Id}").Order().ToList();
        Assert.NotEmpty(expected);
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/insights");

        Assert.Equal(expected, InsightsJson.DealHrefs(page, "reviews-table").Order().ToList());
    }

    [Fact]
    public async Task Partner_without_deals_gets_an_empty_dashboard_rather_than_an_error()
    {
        using var client = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);

        var page = await client.GetPageAsync("/insights");
        using var json = await InsightsJson.GetAsync(client, "EUR");

        Assert.Contains("There are no referrals yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("currency").ValueKind);
        Assert.Empty(InsightsJson.SeriesKeys(json, "status"));
    }

    private sealed record Row(int Id, int Owner, DealStatus Status, DealType Type, DealDirection Direction, RegistrationStatus Registration, string Currency, decimal Value, DateTime? ReviewDueAt);

    private async Task<List<Row>> AllDealsAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Deals.Select(d => new Row(d.Id, d.OwnerOrganisationId, d.Status, d.DealType, d.Direction, d.RegistrationStatus, d.Currency, d.Value, d.ReviewDueAt)).ToListAsync();
    }

    private async Task<int> OrganisationIdAsync(string name)
    {
        await using var db = factory.NewDbContext();
        return await db.Organisations.Where(o => o.Name == name && o.Kind == OrganisationKind.Partner).Select(o => o.Id).SingleAsync();
    }
}
