using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The New deal gate: the button's state and reasons, and a 403 on every wizard endpoint for whoever fails it.</summary>
public sealed class NewDealGatingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string AnyDraft = "/deals/new/4f0c2a4e-9a53-4d63-9b8e-0d6f2f1a7c11";

    public static TheoryData<string, string> GetEndpoints() => new()
    {
        { DemoAccounts.NorthwindSales, "/deals/new" },
        { DemoAccounts.NorthwindSales, "/deals/new?country=PT&name=Lisboa" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/customer" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/contact" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/details" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/sharing" },
        { DemoAccounts.FabrikamAdmin, "/deals/new" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/customer" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/contact" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/details" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/sharing" },
        { DemoAccounts.Reviewer, "/deals/new" },
    };

    public static TheoryData<string, string> PostEndpoints() => new()
    {
        { DemoAccounts.NorthwindSales, "/deals/new/customer/select" },
        { DemoAccounts.NorthwindSales, "/deals/new/customer/manual" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/customer/select" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/customer/manual" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/contact" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/details" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/create" },
        { DemoAccounts.NorthwindSales, AnyDraft + "/discard" },
        { DemoAccounts.FabrikamAdmin, "/deals/new/customer/select" },
        { DemoAccounts.FabrikamAdmin, "/deals/new/customer/manual" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/customer/select" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/customer/manual" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/contact" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/details" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/create" },
        { DemoAccounts.FabrikamAdmin, AnyDraft + "/discard" },
    };

    [Theory]
    [MemberData(nameof(GetEndpoints))]
    public async Task Wizard_page_for_a_user_who_may_not_create_deals_is_forbidden(string email, string url)
    {
        using var client = await factory.LoginAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PostEndpoints))]
    public async Task Wizard_post_for_a_user_who_may_not_create_deals_is_forbidden(string email, string url)
    {
        using var client = await factory.LoginAsync(email);

        var response = await client.PostFormAsync("/solutions", url, new Dictionary<string, string>
        {
            ["customerId"] = "1",
            ["Manual.Name"] = "Forged Ltd",
            ["Input.Share"] = "true",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Forbidden_wizard_page_names_the_unmet_condition()
    {
        using var client = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);

        var page = await client.GetPageAsync("/deals/new", HttpStatusCode.Forbidden);

        Assert.Contains(DealCreationPolicy.NoCoSellReadySolution, page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbound_tab_for_a_referral_admin_with_a_co_sell_ready_solution_has_an_enabled_new_deal_button()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/referrals/outbound");

        var button = page.QuerySelectorAll("[data-testid=new-deal-toolbar] button").Single(b => b.TextContent.Trim() == "New deal");
        Assert.False(button.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Outbound_tab_for_a_referral_user_has_a_disabled_new_deal_button_with_the_reason()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound");

        var button = page.QuerySelectorAll("[data-testid=new-deal-toolbar] button").Single(b => b.TextContent.Trim() == "New deal");
        Assert.True(button.HasAttribute("disabled"));
        Assert.StartsWith(DealCreationPolicy.NotReferralAdmin, page.QuerySelector("#new-deal-unavailable")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbound_tab_for_an_admin_without_a_co_sell_ready_solution_explains_and_links_to_solutions()
    {
        using var client = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.Equal([DealCreationPolicy.NoCoSellReadySolution], page.QuerySelectorAll("#new-deal-unavailable li").Select(li => li.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("#new-deal-unavailable a[href='/solutions']"));
    }
}
