using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class NewDealBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Referral_admin_creates_a_deal_with_a_manual_customer_and_no_contact_and_finds_it_on_the_outbound_tab()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        var company = $"Setúbal Portos {Guid.NewGuid().ToString("N")[..6]}";
        var dealName = $"Port logistics analytics {Guid.NewGuid().ToString("N")[..6]}";

        await page.GotoAsync("/referrals/outbound");
        await page.GetByRole(AriaRole.Button, new() { Name = "New deal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 1 of 4")).ToBeVisibleAsync();
        await SnapAsync(page, "1-customer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add customer manually" }).ClickAsync();
        var manual = page.GetByRole(AriaRole.Form, new() { Name = "Add customer manually" });
        await manual.GetByLabel("Company name").FillAsync(company);
        await manual.GetByLabel("Country").SelectOptionAsync("PT");
        await manual.GetByLabel("Address").FillAsync("Avenida Luísa Todi 100");
        await manual.GetByLabel("City").FillAsync("Setúbal");
        await manual.GetByLabel("Postal code").FillAsync("2900-456");
        await manual.GetByLabel("Industry").FillAsync("Shipping");
        await manual.GetByLabel("Company size").SelectOptionAsync(new SelectOptionValue { Label = "250–999 employees" });
        await SnapAsync(page, "1-customer-manual");
        await manual.GetByRole(AriaRole.Button, new() { Name = "Proceed" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 2 of 4")).ToBeVisibleAsync();
        await SnapAsync(page, "2-contact");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 3 of 4")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Deal location")).ToHaveValueAsync("PT");
        await page.GetByLabel("Deal name").FillAsync(dealName);
        await page.GetByLabel("Estimated value").FillAsync("250000");
        await page.GetByLabel("Currency").SelectOptionAsync("EUR");
        await page.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Notes").FillAsync("Introduced by the port authority's CIO.");
        await page.GetByLabel("Northwind Analytics Cloud").CheckAsync();
        await SnapAsync(page, "3-details");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 4 of 4")).ToBeVisibleAsync();
        await page.GetByLabel("Proof of concept / demo").CheckAsync();
        await Assertions.Expect(page.GetByLabel("Yes, share it (co-sell)")).ToBeCheckedAsync();
        await SnapAsync(page, "4-sharing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create deal" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(DealPage());
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("created and shared");
        await SnapAsync(page, "5-deal");
        await page.GotoAsync("/referrals/outbound");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = dealName })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_without_a_co_sell_ready_solution_sees_new_deal_disabled_until_the_programme_admin_marks_one_ready()
    {
        var fabrikam = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(fabrikam, DemoAccounts.FabrikamAdmin);
        await fabrikam.GotoAsync("/referrals/outbound");
        await Assertions.Expect(fabrikam.GetByRole(AriaRole.Button, new() { Name = "New deal" })).ToBeDisabledAsync();
        await Assertions.Expect(fabrikam.GetByText(DealCreationPolicy.NoCoSellReadySolution)).ToBeVisibleAsync();
        await Assertions.Expect(fabrikam.GetByRole(AriaRole.Link, new() { Name = "See your organisation's solutions" })).ToHaveAttributeAsync("href", "/solutions");
        await SnapAsync(fabrikam, "gate-disabled");

        var programme = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(programme, DemoAccounts.ProgrammeAdmin);
        await SetCoSellReadyAsync(programme, "Fabrikam Migration Factory", ready: true);
        try
        {
            await fabrikam.ReloadAsync();
            await Assertions.Expect(fabrikam.GetByRole(AriaRole.Button, new() { Name = "New deal" })).ToBeEnabledAsync();
        }
        finally
        {
            // Other browser tests share this database and expect the demo's Fabrikam.
            await SetCoSellReadyAsync(programme, "Fabrikam Migration Factory", ready: false);
        }
    }

    private static async Task SetCoSellReadyAsync(IPage page, string solution, bool ready)
    {
        await page.GotoAsync("/solutions");
        await SnapAsync(page, "solutions-programme");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Change status of {solution}" }).ClickAsync();
        await page.GetByLabel("Co-sell ready").SetCheckedAsync(ready);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Programme status of “{solution}” saved.");
    }

    private static Task SnapAsync(IPage page, string name) => Screenshots.SnapAsync(page, name);

    [GeneratedRegex(@"/deals/\d+$")]
    private static partial Regex DealPage();
}
