using System.Text.Json;
using AngleSharp.Html.Dom;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;
using static ReferralPortal.Web.Tests.InsightsDataSet;

namespace ReferralPortal.Web.Tests;

/// <summary>The Insights figures of <see cref="InsightsDataSet"/>, whose expected values are worked out by hand there.</summary>
public sealed class InsightsFiguresTests(InsightsFactory factory) : IClassFixture<InsightsFactory>
{
    [Fact]
    public async Task Data_endpoint_gives_value_by_status_in_each_currency_separately()
    {
        using var json = await DataAsync();

        // New, Active, Won, Lost, Declined, Expired, Closed as error, Withdrawn
        Assert.Equal([6_000m, 16_500.50m, 30_000m, 5_000m, 3_000m, 600m, 0m, 0m], InsightsJson.Series(json, "status", "EUR"));
        Assert.Equal([50_000m, 0m, 12_000m, 0m, 0m, 0m, 0m, 0m], InsightsJson.Series(json, "status", "USD"));
        Assert.Equal(["EUR", "USD"], InsightsJson.SeriesKeys(json, "status"));
    }

    [Fact]
    public async Task Status_table_counts_the_deals_of_each_status()
    {
        var page = await PageAsync("/insights");

        var counts = InsightsJson.TableColumn(page, "status-table", 1);

        Assert.Equal(["3", "3", "3", "1", "1", "1", "0", "0"], counts); // ... Closed as error, Withdrawn
    }

    [Fact]
    public async Task Open_pipeline_adds_new_and_active_value_of_the_chosen_currency()
    {
        var page = await PageAsync("/insights");

        Assert.Equal(Format.Money(22_500.50m, "EUR"), Text(page, "open-pipeline"));
    }

    [Fact]
    public async Task Win_rate_counts_won_deals_against_won_and_lost_ones()
    {
        var page = await PageAsync("/insights");

        Assert.Equal("75%", Text(page, "win-rate"));
        Assert.Equal("3 won of 4 won or lost", Text(page, "win-rate-basis"));
    }

    [Fact]
    public async Task Median_days_from_share_to_decision_leaves_out_undecided_and_expired_deals()
    {
        var page = await PageAsync("/insights");

        // Decisions after 1, 1, 2, 3, 4, 6 and 10 days; the expired deal (14 days) would move it to 3.5.
        Assert.Equal(Format.Days(3), Text(page, "median-days"));
    }

    [Fact]
    public async Task Won_and_lost_by_month_covers_the_last_twelve_months_in_the_chosen_currency()
    {
        using var json = await DataAsync("EUR");

        // December 2025 … November 2026: won in August and October, lost in October.
        Assert.Equal(12, InsightsJson.Labels(json, "wonLost").Count);
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 10_000m, 0m, 20_000m, 0m], InsightsJson.Series(json, "wonLost", "won"));
        Assert.Equal([0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, 5_000m, 0m], InsightsJson.Series(json, "wonLost", "lost"));
    }

    [Fact]
    public async Task Won_and_lost_by_month_leaves_out_deals_closed_before_the_twelve_months()
    {
        using var json = await DataAsync("USD");

        // The only dollar deal won was won on 14 November 2025, before December 2025.
        Assert.All(InsightsJson.Series(json, "wonLost", "won"), v => Assert.Equal(0m, v));
    }

    [Fact]
    public async Task Won_and_lost_table_shows_the_month_of_each_decision()
    {
        var page = await PageAsync("/insights?currency=EUR");

        var wonCounts = InsightsJson.TableColumn(page, "wonlost-table", 1);
        var lostCounts = InsightsJson.TableColumn(page, "wonlost-table", 3);

        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "1", "0"], wonCounts);
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0"], lostCounts);
    }

    [Fact]
    public async Task Co_sell_and_private_split_counts_each_deal_type()
    {
        using var json = await DataAsync();

        Assert.Equal([11m, 1m], InsightsJson.Series(json, "dealType", "deals"));
    }

    [Fact]
    public async Task Top_customers_rank_open_and_won_value_and_keep_five()
    {
        using var json = await DataAsync("EUR");

        // Golf (1,000) is sixth; Alpha's lost, Bravo's declined and Foxtrot's expired deals do not count.
        Assert.Equal([Bravo, Alpha, Echo, Charlie, Delta], InsightsJson.Labels(json, "topCustomers"));
        Assert.Equal([20_000m, 10_000m, 8_000m, 7_500.50m, 6_000m], InsightsJson.Series(json, "topCustomers", "value"));
    }

    [Fact]
    public async Task Top_solutions_count_a_deal_towards_each_attached_solution()
    {
        using var json = await DataAsync("EUR");

        Assert.Equal([SolutionOne, SolutionTwo], InsightsJson.Labels(json, "topSolutions"));
        Assert.Equal([49_500.50m, 23_000m], InsightsJson.Series(json, "topSolutions", "value"));
    }

    [Fact]
    public async Task Needs_attention_lists_inbound_referrals_due_within_three_days()
    {
        var page = await PageAsync("/insights");

        var names = InsightsJson.DealLinks(page, "reviews-table");

        Assert.Equal([ReviewDueSoon], names);
    }

    [Fact]
    public async Task Needs_attention_lists_registrations_awaiting_the_vendor()
    {
        var page = await PageAsync("/insights");

        Assert.Equal([RegistrationSubmitted], InsightsJson.DealLinks(page, "registrations-table"));
    }

    [Fact]
    public async Task Unknown_currency_falls_back_to_the_most_used_one()
    {
        using var json = await DataAsync("<script>");

        Assert.Equal("EUR", json.RootElement.GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData("EUR")]
    [InlineData("XYZ")] // unknown: both fall back to the most used currency
    public async Task The_page_carries_the_chart_data_the_data_endpoint_serves(string currency)
    {
        var page = await PageAsync("/insights?currency=" + Uri.EscapeDataString(currency));
        using var json = await DataAsync(currency);

        Assert.Equal(json.RootElement.GetRawText(), page.QuerySelector("#insights")!.GetAttribute("data-charts"));
        Assert.Equal("EUR", json.RootElement.GetProperty("currency").GetString());
    }

    private async Task<IHtmlDocument> PageAsync(string url)
    {
        using var client = await factory.LoginAsync(AdminEmail);
        return await client.GetPageAsync(url);
    }

    private async Task<JsonDocument> DataAsync(string? currency = null)
    {
        using var client = await factory.LoginAsync(AdminEmail);
        return await InsightsJson.GetAsync(client, currency);
    }

    private static string Text(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim() ?? throw new InvalidOperationException($"No {testId} on the page.");
}
