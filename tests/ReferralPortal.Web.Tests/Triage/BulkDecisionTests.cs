using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Triage;

/// <summary>Bulk Accept / Decline on Shared with us (issue 19): each deal on its own, with its own concurrency check.</summary>
public sealed class BulkDecisionTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Decide_with_a_stale_row_refuses_that_row_only()
    {
        var fresh = await world.CoSellNewAsync();
        var stale = await world.CoSellNewAsync();
        var version = (await world.DealAsync(fresh)).Version;
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var page = await reviewer.GetPageAsync("/referrals/shared");

        var response = await reviewer.PostWithTokenAsync(page, "/referrals/shared/decisions",
        [
            new("Choice", "Accept"),
            new("Ids", fresh.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Ids", stale.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"Versions[{fresh}]", version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"Versions[{stale}]", "-1"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        var rows = result.QuerySelectorAll("[data-testid=bulk-row]").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Applied", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("changed by someone else", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(fresh)).Status);
        Assert.Equal(DealStatus.New, (await world.DealAsync(stale)).Status);
    }

    [Fact]
    public async Task Decide_decline_with_one_reason_declines_each_and_refuses_a_deal_the_reviewer_may_not_decide()
    {
        var first = await world.CoSellNewAsync();
        var second = await world.CoSellNewAsync();
        var inbound = await world.InboundNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var page = await reviewer.GetPageAsync("/referrals/shared");

        var response = await reviewer.PostWithTokenAsync(page, "/referrals/shared/decisions",
        [
            new("Choice", "Decline"),
            new("Reason", nameof(CloseReason.NotACustomer)),
            new("Ids", first.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("AllOnPage", "true"),
            new("PageIds", second.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("PageIds", inbound.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        var result = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("2 applied, 1 refused.", result.QuerySelector("[data-testid=bulk-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(CloseReason.NotACustomer, (await world.DealAsync(first)).CloseReason);
        Assert.Equal(DealStatus.Declined, (await world.DealAsync(second)).Status);
        Assert.Equal(DealStatus.New, (await world.DealAsync(inbound)).Status);
    }

    [Fact]
    public async Task Decide_by_a_partner_admin_is_refused()
    {
        var id = await world.CoSellNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var page = await admin.GetPageAsync("/referrals/outbound");

        var response = await admin.PostWithTokenAsync(page, "/referrals/shared/decisions",
            [new("Choice", "Accept"), new("Ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }
}
