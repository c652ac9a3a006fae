using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Sorting by columns in both directions, the default orders, and the paging edges.</summary>
public sealed class WorkspaceSortAndPagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<List<Deal>> NorthwindOutboundAsync()
    {
        var northwind = await WorkspaceTestData.OrganisationIdAsync(factory, DemoAccounts.Northwind);
        await using var db = WorkspaceTestData.Db(factory);
        return await db.Deals.Include(d => d.Customer)
            .Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Outbound)
            .ToListAsync();
    }

    private async Task<List<int>> ShownAsync(string url, string email = DemoAccounts.NorthwindSales)
    {
        using var client = await factory.LoginAsync(email);
        return WorkspaceTestData.DealIds(await client.GetPageAsync(url));
    }

    [Fact]
    public async Task Sort_by_value_ascending_orders_by_value_then_id()
    {
        var expected = (await NorthwindOutboundAsync()).OrderBy(d => d.Value).ThenBy(d => d.Id).Select(d => d.Id).ToList();

        var shown = await ShownAsync("/referrals/outbound?sort=Value&dir=asc&pageSize=100");

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Sort_by_value_descending_orders_by_value_then_id_descending()
    {
        var expected = (await NorthwindOutboundAsync()).OrderByDescending(d => d.Value).ThenByDescending(d => d.Id).Select(d => d.Id).ToList();

        var shown = await ShownAsync("/referrals/outbound?sort=Value&dir=desc&pageSize=100");

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Sort_by_customer_descending_orders_by_customer_name()
    {
        var expected = (await NorthwindOutboundAsync()).OrderByDescending(d => d.Customer.Name, StringComparer.Ordinal).ThenByDescending(d => d.Id).Select(d => d.Id).ToList();

        var shown = await ShownAsync("/referrals/outbound?sort=Customer&dir=desc&pageSize=100");

        Assert.Equal(expected, shown);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Country")]
    [InlineData("Status")]
    [InlineData("Type")]
    [InlineData("Registration")]
    [InlineData("ReviewDue")]
    [InlineData("Solutions")]
    [InlineData("Updated")]
    public async Task Sort_by_any_column_in_either_direction_is_the_exact_reverse(string column)
    {
        var ascending = await ShownAsync($"/referrals/outbound?sort={column}&dir=asc&pageSize=100");
        var descending = await ShownAsync($"/referrals/outbound?sort={column}&dir=desc&pageSize=100");

        Assert.Equal(41, ascending.Count);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
    }

    [Fact]
    public async Task Column_header_links_toggle_the_direction_of_the_sorted_column()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?sort=Value&dir=asc&country=PT");

        var header = page.QuerySelectorAll("th").Single(th => th.TextContent.Contains("Value", StringComparison.Ordinal));
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/referrals/outbound?country=PT&sort=Value&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Default_order_of_outbound_is_most_recently_updated_first()
    {
        var expected = (await NorthwindOutboundAsync()).OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(25).Select(d => d.Id).ToList();

        var shown = await ShownAsync("/referrals/outbound");

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Shared_with_us_lists_new_referrals_first_by_review_due_date()
    {
        await using var db = WorkspaceTestData.Db(factory);
        var expectedNew = await db.Deals.Where(d => d.DealType == DealType.CoSell && d.Direction == DealDirection.Outbound && d.Status == DealStatus.New)
            .OrderBy(d => d.ReviewDueAt).ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Select(d => d.Id).ToListAsync();

        var shown = await ShownAsync("/referrals/shared?pageSize=100", DemoAccounts.Reviewer);

        Assert.NotEmpty(expectedNew);
        Assert.Equal(expectedNew, shown.Take(expectedNew.Count));
    }

    [Theory]
    [InlineData("/referrals/shared", DemoAccounts.Reviewer)]
    [InlineData("/referrals/inbound", DemoAccounts.NorthwindSales)]
    public async Task Pages_of_a_deciding_tab_together_follow_its_default_order_across_the_end_of_the_new_ones(string tab, string email)
    {
        // The set of deals the tab shows, read in another order; then the default order worked out here.
        List<int> visible;
        using (var client = await factory.LoginAsync(email))
        {
            visible = [.. (await WorkspaceTestData.AllReferralIdsAsync(client, $"{tab}?sort=Name")).Select(r => Deal.ParseReferralId(r)!.Value)];
        }

        await using var db = WorkspaceTestData.Db(factory);
        var deals = await db.Deals.IgnoreQueryFilters().Where(d => visible.Contains(d.Id)).ToListAsync();
        var expected = deals
            .OrderBy(d => d.Status == DealStatus.New ? 0 : 1)
            .ThenBy(d => d.Status == DealStatus.New ? d.ReviewDueAt : null)
            .ThenByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Select(d => d.Id).ToList();
        var newOnes = deals.Count(d => d.Status == DealStatus.New);
        Assert.InRange(newOnes, 2, deals.Count - 2);

        // A page size that puts the end of the New ones inside a page, with pages after it.
        var size = new[] { 7, 6, 5, 4, 3, 2 }.First(n => newOnes % n != 0 && (deals.Count + n - 1) / n > (newOnes + n - 1) / n);
        var shown = new List<int>();
        for (var page = 1; page <= (expected.Count + size - 1) / size; page++)
        {
            shown.AddRange(await ShownAsync($"{tab}?pageSize={size}&page={page}", email));
        }

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task First_page_shows_25_and_the_range_of_the_total()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.Equal(25, WorkspaceTestData.DealIds(page).Count);
        Assert.Equal("1–25 of 41", WorkspaceTestData.ResultRange(page));
    }

    [Fact]
    public async Task Last_page_shows_the_remaining_rows_and_no_next_link()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?page=2");

        Assert.Equal(16, WorkspaceTestData.DealIds(page).Count);
        Assert.Equal("26–41 of 41", WorkspaceTestData.ResultRange(page));
        Assert.Null(page.QuerySelector("a[rel=next]"));
        Assert.Equal("/referrals/outbound", page.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Pages_together_show_every_deal_once()
    {
        var first = await ShownAsync("/referrals/outbound?pageSize=20&sort=Name");
        var second = await ShownAsync("/referrals/outbound?pageSize=20&sort=Name&page=2");
        var third = await ShownAsync("/referrals/outbound?pageSize=20&sort=Name&page=3");

        var all = first.Concat(second).Concat(third).ToList();
        Assert.Equal(41, all.Count);
        Assert.Equal(41, all.Distinct().Count());
    }

    [Fact]
    public async Task Page_past_the_end_shows_the_last_page_with_a_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?page=999");

        Assert.Equal("26–41 of 41", WorkspaceTestData.ResultRange(page));
        Assert.Contains("There is no page 999", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/referrals/outbound", DemoAccounts.NorthwindSales)]
    [InlineData("/referrals/inbound", DemoAccounts.NorthwindSales)]
    [InlineData("/referrals/favorites", DemoAccounts.NorthwindSales)]
    [InlineData("/referrals/shared", DemoAccounts.Reviewer)]
    [InlineData("/referrals/sent", DemoAccounts.Reviewer)]
    [InlineData("/referrals/registrations", DemoAccounts.Reviewer)]
    public async Task Page_99999_of_any_tab_shows_its_last_page(string tab, string email)
    {
        using var client = await factory.LoginAsync(email);
        var total = WorkspaceTestData.ResultRange(await client.GetPageAsync(tab + "?pageSize=5")).Split(" of ")[^1];

        var page = await client.GetPageAsync(tab + "?pageSize=5&page=99999");

        var range = WorkspaceTestData.ResultRange(page);
        Assert.EndsWith($"–{total} of {total}", range, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[rel=next]"));
        Assert.Contains("There is no page 99999", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-3")]
    [InlineData("page=abc")]
    [InlineData("page=99999999999999")]
    public async Task Invalid_page_shows_the_first_page(string query)
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?" + query);

        Assert.Equal("1–25 of 41", WorkspaceTestData.ResultRange(page));
    }

    [Fact]
    public async Task Page_size_above_100_is_capped_at_100()
    {
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/referrals/shared?pageSize=5000");

        Assert.StartsWith("1–", WorkspaceTestData.ResultRange(page), StringComparison.Ordinal);
        Assert.Contains("Page size is 1 to 100", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tab_is_not_found()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.GetAsync("/referrals/shared");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}

/// <summary>The count stops at the configured cap ("20+"), and paging still works past it.</summary>
public sealed class WorkspaceCountCapTests(WorkspaceCountCapTests.SmallCapFactory factory) : IClassFixture<WorkspaceCountCapTests.SmallCapFactory>
{
    public sealed class SmallCapFactory : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Workspace:CountCap", "20");
        }
    }

    [Fact]
    public async Task Count_above_the_cap_reads_as_the_cap_plus()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?pageSize=10");

        Assert.Equal("1–10 of 20+", WorkspaceTestData.ResultRange(page));
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Last_page_within_the_cap_has_no_next_link()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?pageSize=10&page=2");

        Assert.Equal("11–20 of 20+", WorkspaceTestData.ResultRange(page));
        Assert.Null(page.QuerySelector("a[rel=next]"));
    }

    // A list pages up to its capped count, so no page reads past the cap's rows (?page=99999 at a million deals
    // skipped every entry of the tab's index): beyond it, filters and sorts find the rest.
    [Fact]
    public async Task Page_beyond_the_cap_shows_the_capped_counts_last_page_and_says_why()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?pageSize=10&page=4");

        Assert.Equal(10, WorkspaceTestData.DealIds(page).Count);
        Assert.Equal("11–20 of 20+", WorkspaceTestData.ResultRange(page));
        Assert.Contains("There is no page 4 among the first 20 referrals; showing page 2.", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_above_the_cap_reads_as_the_cap_plus_and_pages_up_to_it()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?pageSize=10&page=3&q=a");

        Assert.Equal(10, WorkspaceTestData.DealIds(page).Count);
        Assert.Equal("11–20 of 20+", WorkspaceTestData.ResultRange(page));
    }

    [Fact]
    public async Task Count_below_the_cap_is_exact()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound?status=Won");

        Assert.DoesNotContain("+", WorkspaceTestData.ResultRange(page), StringComparison.Ordinal);
    }
}
