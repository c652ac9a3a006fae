using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// The Customer, Partner, Stage and Solutions sorts read the deal's copied sort keys (issue 17/19): the orders the
/// pages show are the orders of what the keys copy, worked out here from the deals themselves, and the keys follow
/// each change in the save that makes it.
/// </summary>
public sealed class WorkspaceSortKeyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Row(int Id, string Customer, string Partner, DealStatus Status, SalesStage? Stage, string? FirstSolution);

    private async Task<List<Row>> RowsAsync(IReadOnlyCollection<int> ids)
    {
        await using var db = WorkspaceTestData.Db(factory);
        return await db.Deals.IgnoreQueryFilters().Where(d => ids.Contains(d.Id))
            .Select(d => new Row(
                d.Id, d.Customer.Name, db.Organisations.Where(o => o.Id == d.OwnerOrganisationId).Select(o => o.Name).First(),
                d.Status, d.Stage, d.Solutions.Min(s => s.Name)))
            .ToListAsync();
    }

    // The set a view shows, read in another order, then ordered here by what the sort key copies.
    private async Task<(List<int> Shown, List<Row> Rows)> ViewAsync(string email, string tab, string sort, string dir)
    {
        using var client = await factory.LoginAsync(email);
        var shown = (await WorkspaceTestData.AllReferralIdsAsync(client, $"/referrals/{tab}?sort={sort}&dir={dir}")).Select(r => Deal.ParseReferralId(r)!.Value).ToList();
        return (shown, await RowsAsync(shown));
    }

    private static List<int> Expected<TKey>(List<Row> rows, Func<Row, TKey> key, IComparer<TKey> comparer, bool descending) =>
        [.. (descending ? rows.OrderByDescending(key, comparer).ThenByDescending(r => r.Id) : rows.OrderBy(key, comparer).ThenBy(r => r.Id)).Select(r => r.Id)];

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Shared_with_us_sorted_by_partner_is_in_the_owner_partners_name_order(string dir)
    {
        var (shown, rows) = await ViewAsync(DemoAccounts.Reviewer, "shared", "Partner", dir);

        Assert.True(rows.Select(r => r.Partner).Distinct().Count() > 1, "the demo's shared deals come from several partners");
        Assert.Equal(Expected(rows, r => r.Partner, StringComparer.Ordinal, dir == "desc"), shown);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Outbound_sorted_by_customer_is_in_the_customer_name_order(string dir)
    {
        var (shown, rows) = await ViewAsync(DemoAccounts.NorthwindSales, "outbound", "Customer", dir);

        Assert.Equal(Expected(rows, r => r.Customer, StringComparer.Ordinal, dir == "desc"), shown);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Outbound_sorted_by_stage_is_in_the_stages_own_order_with_deals_without_a_stage_first(string dir)
    {
        var (shown, rows) = await ViewAsync(DemoAccounts.NorthwindSales, "outbound", "Stage", dir);

        // Only Active and Won deals show a stage; the rest sort as if they had none.
        int Rank(Row r) => r.Status is DealStatus.Active or DealStatus.Won && r.Stage is { } s ? (int)s + 1 : 0;
        Assert.True(rows.Select(Rank).Distinct().Count() > 2, "the demo's outbound deals are at several stages");
        Assert.Equal(Expected(rows, Rank, Comparer<int>.Default, dir == "desc"), shown);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Shared_with_us_sorted_by_solutions_is_in_the_first_solution_name_order(string dir)
    {
        var (shown, rows) = await ViewAsync(DemoAccounts.Reviewer, "shared", "Solutions", dir);

        Assert.All(rows, r => Assert.NotNull(r.FirstSolution));
        Assert.Equal(Expected(rows, r => r.FirstSolution!, StringComparer.Ordinal, dir == "desc"), shown);
    }

    [Fact]
    public async Task Partner_column_header_of_the_vendors_tab_is_a_sort_link()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await reviewer.GetPageAsync("/referrals/shared?sort=Partner&dir=asc");

        var header = page.QuerySelectorAll("thead th").Single(th => th.TextContent.Trim().StartsWith("Partner", StringComparison.Ordinal));
        Assert.Equal("ascending", header.GetAttribute("aria-sort"));
        Assert.Equal("/referrals/shared?sort=Partner&dir=desc", header.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Partner_sort_on_a_partners_tab_is_left_out_as_an_unknown_column()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await sales.GetPageAsync("/referrals/outbound?sort=Partner");

        Assert.Contains("Unknown sort column", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("thead th"), th => th.TextContent.Contains("Partner", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sort_keys_of_a_new_deal_and_of_its_acceptance_are_written_in_their_saves()
    {
        var builder = new DealBuilder(factory);
        var id = await builder.OutboundAsync(setup: new DealSetup(CustomerName: "Zebra Sort Key Lda"));
        var created = await KeysAsync(id);

        await using (var db = WorkspaceTestData.Db(factory))
        {
            var deal = await db.Deals.IgnoreQueryFilters().SingleAsync(d => d.Id == id);
            deal.Accept(await builder.ActorAsync(DemoAccounts.Reviewer), builder.Now);
            await db.SaveChangesAsync();
        }

        var accepted = await KeysAsync(id);
        var expected = (await RowsAsync([id])).Single();
        Assert.Equal(("Zebra Sort Key Lda", DemoAccounts.Northwind, 0, expected.FirstSolution), created);
        Assert.Equal(("Zebra Sort Key Lda", DemoAccounts.Northwind, DealSortKeys.RankOf(DealStatus.Active, SalesStage.Accepted), expected.FirstSolution), accepted);
    }

    private async Task<(string, string, int, string?)> KeysAsync(int id)
    {
        await using var db = WorkspaceTestData.Db(factory);
        var keys = await db.Deals.IgnoreQueryFilters().Where(d => d.Id == id)
            .Select(d => new
            {
                Customer = EF.Property<string>(d, DealSortKeys.CustomerName),
                Partner = EF.Property<string>(d, DealSortKeys.PartnerName),
                Stage = EF.Property<int>(d, DealSortKeys.StageRank),
                Solution = EF.Property<string?>(d, DealSortKeys.SolutionName),
            })
            .SingleAsync();
        return (keys.Customer, keys.Partner, keys.Stage, keys.Solution);
    }
}
