using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.DealWork;

/// <summary>
/// Northwind limits its referral users to their deal teams (set through the Team settings form): the sales user
/// then sees only the team's deals in every list, count, filter option, deal page, export and Insights figure, and
/// hears only of them; the admin still sees everything.
/// </summary>
public sealed class TeamOnlyVisibilityTests(TeamOnlyVisibilityTests.World factory) : IClassFixture<TeamOnlyVisibilityTests.World>, IAsyncLifetime
{
    private readonly LifecycleWorld world = new(factory);

    private int teamDeal => factory.TeamDeal;

    private int otherDeal => factory.OtherDeal;

    public ValueTask InitializeAsync() => factory.ArrangeOnceAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The app with Northwind set to team-only through its form, one deal with the sales user on the team and one without.</summary>
    public sealed class World : QuietPortalFactory
    {
        private readonly SemaphoreSlim once = new(1, 1);

        public int TeamDeal { get; private set; }

        public int OtherDeal { get; private set; }

        public async ValueTask ArrangeOnceAsync()
        {
            await once.WaitAsync();
            try
            {
                if (TeamDeal != 0)
                {
                    return;
                }

                using var admin = await LoginAsync(DemoAccounts.NorthwindAdmin);
                var response = await admin.PostFormAsync("/team/settings", "/team/settings", [new("Input.Access", nameof(ReferralUserDealAccess.TeamDealsOnly))]);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var lifecycle = new LifecycleWorld(this);
                var team = await lifecycle.CoSellActiveAsync();
                OtherDeal = await lifecycle.CoSellActiveAsync();
                await DealWorkWorld.AddToTeamAsync(this, admin, team, DemoAccounts.NorthwindSales);
                TeamDeal = team;
            }
            finally
            {
                once.Release();
            }
        }

        protected override void Dispose(bool disposing)
        {
            once.Dispose();
            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task Setting_is_stored_on_the_organisation()
    {
        await using var db = factory.NewDbContext();
        Assert.Equal(ReferralUserDealAccess.TeamDealsOnly, await db.Organisations.Where(o => o.Name == DemoAccounts.Northwind).Select(o => o.ReferralUserDealAccess).SingleAsync());
    }

    [Theory]
    [InlineData("outbound")]
    [InlineData("inbound")]
    [InlineData("favorites")]
    public async Task Lists_and_counts_hold_only_the_team_deals(string tab)
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var ids = await WorkspaceTestData.AllReferralIdsAsync(sales, $"/referrals/{tab}");

        Assert.All(ids, id => Assert.Equal(Deal.FormatReferralId(teamDeal), id));
        var range = WorkspaceTestData.ResultRange(await sales.GetPageAsync($"/referrals/{tab}"));
        Assert.Equal(tab == "outbound" ? "1–1 of 1" : "No matching referrals", range);
    }

    [Fact]
    public async Task The_admin_still_sees_every_deal()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var ids = await WorkspaceTestData.AllReferralIdsAsync(admin, "/referrals/outbound");

        Assert.Contains(Deal.FormatReferralId(otherDeal), ids);
        Assert.True(ids.Count > 10);
    }

    [Fact]
    public async Task Filter_options_come_from_the_team_deals_only()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var customers = WorkspaceTestData.OptionLabels(await sales.GetPageAsync("/referrals/outbound"), "filter-customer");
        var countries = WorkspaceTestData.OptionLabels(await sales.GetPageAsync("/referrals/outbound"), "filter-country");

        Assert.Single(customers);
        Assert.Single(countries);
        Assert.True(WorkspaceTestData.OptionLabels(await admin.GetPageAsync("/referrals/outbound"), "filter-customer").Count > 1);
    }

    [Fact]
    public async Task Deal_page_and_actions_of_a_deal_off_the_team_are_not_found()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"/deals/{otherDeal}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostAsync($"/deals/{otherDeal}/notes", ("NoteInput.Text", "hello"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync($"/deals/{teamDeal}")).StatusCode);
    }

    [Fact]
    public async Task Export_holds_only_the_team_deals()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var lines = (await (await sales.GetAsync("/referrals/outbound/export")).Content.ReadAsStringAsync())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        Assert.Equal([Deal.FormatReferralId(teamDeal)], lines.Select(l => l.Split(',')[0].TrimStart('\uFEFF')));
    }

    [Fact]
    public async Task Insights_count_only_the_team_deals()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await sales.GetPageAsync("/insights");

        var counts = page.QuerySelectorAll("[data-testid=status-table] tbody tr td:nth-child(2)").Sum(td => int.Parse(td.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, counts);
        Assert.Equal("€5,000.00", page.QuerySelector("[data-testid=pipeline-weighted-EUR]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Notifications_of_a_deal_off_the_team_do_not_reach_the_sales_user()
    {
        var deal = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, deal, DemoAccounts.NorthwindSales);
        var sales = await DealWorkWorld.UserIdAsync(factory, DemoAccounts.NorthwindSales);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{deal}/team/remove", ("userId", sales)), deal);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{deal}/won"), deal);

        Assert.DoesNotContain(DemoAccounts.NorthwindSales, await DealWorkWorld.NotifiedAsync(factory, deal));
    }
}
