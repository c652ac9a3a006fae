using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Each filter alone and combined, search, the filter options, and the nearest view for bad values.</summary>
public sealed class WorkspaceFilterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<int>> ExpectedOutboundAsync(Func<IQueryable<Deal>, IQueryable<Deal>> where)
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        await using var db = WorkspaceTestData.Db(factory);
        var deals = db.Deals.Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Outbound);
        return [.. (await where(deals).Select(d => d.Id).ToListAsync()).Order()];
    }

    private async Task<List<int>> ShownAsync(string query)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var page = await client.GetPageAsync("/referrals/outbound?pageSize=100&" + query);
        return [.. WorkspaceTestData.DealIds(page).Order()];
    }

    [Theory]
    [InlineData("country=ES")]
    [InlineData("type=Private")]
    [InlineData("status=Active")]
    [InlineData("registration=Submitted")]
    public async Task Filter_alone_shows_exactly_the_matching_deals(string query)
    {
        Func<IQueryable<Deal>, IQueryable<Deal>> where = query switch
        {
            "country=ES" => q => q.Where(d => d.LocationCountry == "ES"),
            "type=Private" => q => q.Where(d => d.DealType == DealType.Private),
            "status=Active" => q => q.Where(d => d.Status == DealStatus.Active),
            _ => q => q.Where(d => d.RegistrationStatus == RegistrationStatus.Submitted),
        };
        var expected = await ExpectedOutboundAsync(where);

        var shown = await ShownAsync(query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Customer_filter_shows_only_that_customers_deals()
    {
        await using var db = WorkspaceTestData.Db(factory);
        var customer = await db.Customers.Where(c => c.Name == "Madrid Energía").Select(c => c.Id).SingleAsync();
        var expected = await ExpectedOutboundAsync(q => q.Where(d => d.CustomerId == customer));

        var shown = await ShownAsync($"customer={customer}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Solution_filter_shows_only_deals_with_that_solution()
    {
        await using var db = WorkspaceTestData.Db(factory);
        var solution = await db.Solutions.Where(s => s.Name == "Northwind Analytics Cloud").Select(s => s.Id).SingleAsync();
        var expected = await ExpectedOutboundAsync(q => q.Where(d => d.Solutions.Any(s => s.Id == solution)));

        var shown = await ShownAsync($"solution={solution}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Filters_combined_show_only_deals_matching_all_of_them()
    {
        var expected = await ExpectedOutboundAsync(q => q.Where(d => d.LocationCountry == "ES" && d.Status == DealStatus.Active && d.DealType == DealType.CoSell));

        var shown = await ShownAsync("country=ES&status=Active&type=CoSell");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Search_matches_deal_names_case_insensitively()
    {
        var expected = await ExpectedOutboundAsync(q => q.Where(d => d.Name.Contains("Fleet tracking")));

        var shown = await ShownAsync("q=fleet+TRACKING");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Search_matches_customer_names()
    {
        var expected = await ExpectedOutboundAsync(q => q.Where(d => d.Customer.Name.Contains("Woodgrove")));

        var shown = await ShownAsync("q=woodgrove");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Search_counts_its_matches_exactly_and_lists_them_newest_first()
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        await using var db = WorkspaceTestData.Db(factory);
        var expected = await db.Deals
            .Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Outbound && d.Customer.Name.Contains("Woodgrove"))
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Select(d => d.Id).ToListAsync();
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?pageSize=100&q=woodgrove");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, WorkspaceTestData.DealIds(page));
        Assert.Equal($"1–{expected.Count} of {expected.Count}", WorkspaceTestData.ResultRange(page));
    }

    [Fact]
    public async Task Search_by_referral_id_finds_that_deal()
    {
        var first = (await ExpectedOutboundAsync(q => q)).First();

        var shown = await ShownAsync("q=" + Deal.FormatReferralId(first));

        Assert.Equal([first], shown);
    }

    [Fact]
    public async Task Search_treats_percent_and_underscore_as_literal_text()
    {
        var shown = await ShownAsync("q=%25");

        Assert.Empty(shown);
    }

    [Fact]
    public async Task Filters_stay_selected_and_clear_filters_links_to_the_unfiltered_tab()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?country=ES&status=Active&sort=Value&dir=desc");

        Assert.Equal("ES", page.QuerySelector("select#filter-country option[selected]")?.GetAttribute("value"));
        Assert.Equal("Active", page.QuerySelector("select#filter-status option[selected]")?.GetAttribute("value"));
        var clear = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Clear filters");
        Assert.Equal("/referrals/outbound?sort=Value&dir=desc", clear.GetAttribute("href"));
    }

    [Fact]
    public async Task Filter_controls_carry_their_labels()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound");

        var labels = page.QuerySelectorAll("form.workspace-filters label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(["Search", "Country", "Customer", "Deal type", "Solution", "Status", "Registration status", "Sales stage", "Assigned to me"], labels);
        Assert.Equal("get", page.QuerySelector("form.workspace-filters")!.GetAttribute("method"));
    }

    [Fact]
    public async Task Unknown_filter_values_are_left_out_with_a_message_instead_of_an_error()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?status=Bogus&country=XX&customer=abc&type=1&sort=nope&dir=up&pageSize=big");

        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Unknown status", alert, StringComparison.Ordinal);
        Assert.Contains("Unknown country", alert, StringComparison.Ordinal);
        Assert.Contains("Unknown customer", alert, StringComparison.Ordinal);
        Assert.Contains("Unknown deal type", alert, StringComparison.Ordinal);
        Assert.Contains("Unknown sort column", alert, StringComparison.Ordinal);
        Assert.Equal(25, WorkspaceTestData.DealIds(page).Count);
    }

    [Fact]
    public async Task Partner_filter_options_list_only_their_own_customers_solutions_and_countries()
    {
        await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.AdventureWorksAdmin, "Secret Adventure Customer", "Hidden adventure deal", country: "JP");
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.Contains("Lisboa Logística SA", WorkspaceTestData.OptionLabels(page, "filter-customer"));
        Assert.DoesNotContain("Secret Adventure Customer", WorkspaceTestData.OptionLabels(page, "filter-customer"));
        Assert.DoesNotContain("Japan", WorkspaceTestData.OptionLabels(page, "filter-country"));
        var solutions = WorkspaceTestData.OptionLabels(page, "filter-solution");
        Assert.Equal(["Northwind Analytics Cloud", "Northwind Field Service"], solutions);
    }

    [Fact]
    public async Task Vendor_filter_options_leave_out_customers_of_private_deals()
    {
        await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.NorthwindAdmin, "Private Only Customer", "Private only deal", share: false);
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/referrals/shared");

        Assert.DoesNotContain("Private Only Customer", WorkspaceTestData.OptionLabels(page, "filter-customer"));
        Assert.Contains("Lisboa Logística SA", WorkspaceTestData.OptionLabels(page, "filter-customer"));
    }
}
