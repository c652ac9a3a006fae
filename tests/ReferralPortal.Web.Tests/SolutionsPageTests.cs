using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

public sealed class SolutionsPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Partner_user_sees_only_their_organisations_solutions_with_statuses()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/solutions");

        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.All(rows, r => Assert.Contains("Northwind", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Northwind Edge Gateway", StringComparison.Ordinal) && r.Contains("Draft", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Referral_admin_adds_a_solution_as_a_draft()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/solutions/new", "/solutions/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Northwind Route Planner",
            ["Input.Description"] = "Delivery route optimisation.",
        });

        Assert.Equal("/solutions", response.Headers.Location?.OriginalString);
        await using var db = factory.NewDbContext();
        var added = await db.Solutions.SingleAsync(s => s.Name == "Northwind Route Planner");
        Assert.Equal((MarketplaceStatus.Draft, CoSellStatus.NotReady), (added.MarketplaceStatus, added.CoSellStatus));
    }

    [Fact]
    public async Task Solution_without_a_name_re_renders_with_a_field_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/solutions/new", "/solutions/new", new Dictionary<string, string> { ["Input.Name"] = " " });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter a solution name of 2 to 200 characters.", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Solution_name_with_a_line_break_re_renders_with_a_field_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/solutions/new", "/solutions/new", new Dictionary<string, string> { ["Input.Name"] = "Route Planner\nNow free: https://evil.example" });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Use a single line without control or text-direction characters.", page.QuerySelector("[data-valmsg-for='Input.Name']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Referral_user_cannot_add_a_solution()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync("/solutions", "/solutions/new", new Dictionary<string, string> { ["Input.Name"] = "Sneaky" });

        // A failed policy sends the cookie scheme's "access denied": the friendly 403 page.
        Assert.StartsWith("/error/403?", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_admin_cannot_edit_another_partners_solution()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var fabrikams = await NewDealSteps.SolutionIdsAsync(factory, "Fabrikam Migration Factory");

        var response = await client.PostFormAsync("/solutions", $"/solutions/{fabrikams[0]}/edit", new Dictionary<string, string> { ["Input.Name"] = "Hijacked" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Referral_admin_cannot_set_programme_status()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var edge = await NewDealSteps.SolutionIdsAsync(factory, "Northwind Edge Gateway");

        var response = await client.PostFormAsync("/solutions", $"/solutions/{edge[0]}/status", new Dictionary<string, string>
        {
            ["Input.Marketplace"] = "Published",
            ["Input.CoSellReady"] = "true",
        });

        // A failed policy sends the cookie scheme's "access denied": the friendly 403 page.
        Assert.StartsWith("/error/403?", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programme_admin_marking_a_solution_co_sell_ready_enables_new_deal_for_its_partner()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var fabrikams = await NewDealSteps.SolutionIdsAsync(factory, "Fabrikam Migration Factory");

        var response = await programme.PostFormAsync($"/solutions/{fabrikams[0]}/status", $"/solutions/{fabrikams[0]}/status", new Dictionary<string, string>
        {
            ["Input.Marketplace"] = "Published",
            ["Input.CoSellReady"] = "true",
            ["Input.RegistrationEligible"] = "false",
        });

        Assert.Equal("/solutions", response.Headers.Location?.OriginalString);
        using var fabrikam = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);
        Assert.Equal(HttpStatusCode.OK, (await fabrikam.GetAsync("/deals/new")).StatusCode);
    }

    [Fact]
    public async Task Registration_eligible_without_co_sell_ready_is_refused_with_a_field_message()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var edge = await NewDealSteps.SolutionIdsAsync(factory, "Northwind Edge Gateway");

        var response = await programme.PostFormAsync($"/solutions/{edge[0]}/status", $"/solutions/{edge[0]}/status", new Dictionary<string, string>
        {
            ["Input.Marketplace"] = "Published",
            ["Input.CoSellReady"] = "false",
            ["Input.RegistrationEligible"] = "true",
        });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Only a co-sell ready solution can be registration eligible.", page.QuerySelector("[data-valmsg-for='Input.RegistrationEligible']")?.TextContent.Trim());
    }
}
