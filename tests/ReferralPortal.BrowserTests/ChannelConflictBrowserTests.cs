using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// Issue 19 end to end in Chromium: Northwind brings "Lisboa Logística SA" from the directory and Adventure Works adds
/// "Lisboa Logistica, S.A." by hand, both with a Data and AI solution. The reviewer sees Possible conflict on both,
/// compares them side by side, approves one registration and is refused approving the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChannelConflictBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Two_partners_bring_the_same_customer_and_area_and_the_reviewer_approves_only_one_registration()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];

        // Adventure Works files its solution under Data and AI, Northwind's area.
        var adventure = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(adventure, DemoAccounts.AdventureWorksAdmin);
        await adventure.GotoAsync("/solutions");
        await adventure.GetByLabel("Solution area of Adventure Works Commerce Suite", new() { Exact = true }).SelectOptionAsync("Data and AI");
        await adventure.GetByRole(AriaRole.Button, new() { Name = "Save solution area of Adventure Works Commerce Suite" }).ClickAsync();
        await Assertions.Expect(adventure.GetByRole(AriaRole.Status)).ToContainTextAsync("Solution area of “Adventure Works Commerce Suite” saved.");

        var northwind = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(northwind, DemoAccounts.NorthwindAdmin);
        await northwind.GotoAsync("/deals/new?country=PT&name=Lisboa");
        await northwind.GetByRole(AriaRole.Button, new() { Name = "Select Lisboa Logística SA" }).ClickAsync();
        var northwindDeal = await FinishWizardAsync(northwind, $"Lisboa fleet analytics {tag}", "Northwind Analytics Cloud");

        await adventure.GotoAsync("/referrals/outbound");
        await adventure.GetByRole(AriaRole.Button, new() { Name = "New deal" }).ClickAsync();
        await adventure.GetByRole(AriaRole.Link, new() { Name = "Add customer manually" }).ClickAsync();
        var manual = adventure.GetByRole(AriaRole.Form, new() { Name = "Add customer manually" });
        await manual.GetByLabel("Company name").FillAsync("Lisboa Logistica, S.A.");
        await manual.GetByLabel("Country").SelectOptionAsync("PT");
        await manual.GetByLabel("Address").FillAsync("Avenida da Liberdade 110");
        await manual.GetByLabel("City").FillAsync("Lisboa");
        await manual.GetByLabel("Postal code").FillAsync("1250-146");
        await manual.GetByLabel("Industry").FillAsync("Logistics");
        await manual.GetByLabel("Company size").SelectOptionAsync(new SelectOptionValue { Label = "250–999 employees" });
        await manual.GetByRole(AriaRole.Button, new() { Name = "Proceed" }).ClickAsync();
        var adventureDeal = await FinishWizardAsync(adventure, $"Lisboa storefront {tag}", "Adventure Works Commerce Suite");

        // The reviewer accepts both, and each partner submits its registration.
        var reviewer = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(reviewer, DemoAccounts.Reviewer);
        foreach (var (partner, deal) in new[] { (northwind, northwindDeal), (adventure, adventureDeal) })
        {
            await reviewer.GotoAsync(deal);
            await reviewer.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
            await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Referral accepted.");
            await partner.GotoAsync(deal);
            await partner.GetByRole(AriaRole.Button, new() { Name = "Submit for registration" }).ClickAsync();
            await Assertions.Expect(partner.GetByRole(AriaRole.Status)).ToContainTextAsync("Registration submitted.");
            await Assertions.Expect(partner.GetByText("Possible conflict")).ToHaveCountAsync(0);
        }

        // Possible conflict on both, in the vendor's list and on each deal page.
        var northwindId = await ReferralIdAsync(reviewer, northwindDeal);
        var adventureId = await ReferralIdAsync(reviewer, adventureDeal);
        await reviewer.GotoAsync("/referrals/registrations?conflict=possible&pageSize=100");
        foreach (var id in new[] { northwindId, adventureId })
        {
            var row = reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = id });
            await Assertions.Expect(row.GetByText("Possible conflict")).ToBeVisibleAsync();
        }

        await Assertions.Expect(reviewer.GetByRole(AriaRole.Row).Filter(new() { HasText = adventureId })).ToContainTextAsync(DemoAccounts.AdventureWorks);
        await Screenshots.SnapAsync(reviewer, "triage-registrations-tab");

        // Side by side.
        await reviewer.GotoAsync(adventureDeal);
        await Assertions.Expect(reviewer.GetByTestId("deal-badges").GetByText("Possible conflict")).ToBeVisibleAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Compare conflicting deals" }).ClickAsync();
        await reviewer.ToBeAtAsync("/conflicts$");
        var pair = reviewer.GetByTestId("conflict-pair").Filter(new() { HasText = northwindId });
        await Assertions.Expect(pair).ToContainTextAsync(DemoAccounts.Northwind);
        await Assertions.Expect(pair).ToContainTextAsync(DemoAccounts.AdventureWorks);
        await Assertions.Expect(pair).ToContainTextAsync("Submitted");
        await Screenshots.SnapAsync(reviewer, "triage-conflict-side-by-side");

        // One registration is approved; the other is refused with the reason.
        await reviewer.GotoAsync(northwindDeal);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve registration" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Registration approved.");
        await reviewer.GotoAsync(adventureDeal);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Approve registration" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("Another partner holds an approved registration for this customer and solution.", new() { Exact = false })).ToBeVisibleAsync();
        await reviewer.GotoAsync(adventureDeal);
        await Assertions.Expect(reviewer.GetByTestId("deal-badges")).ToContainTextAsync("Registration: Submitted");
    }

    private static async Task<string> FinishWizardAsync(IPage page, string dealName, string solution)
    {
        await Assertions.Expect(page.GetByText("Step 2 of 4")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 3 of 4")).ToBeVisibleAsync();
        await page.GetByLabel("Deal name").FillAsync(dealName);
        await page.GetByLabel("Estimated value").FillAsync("180000");
        await page.GetByLabel("Currency").SelectOptionAsync("EUR");
        await page.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel(solution).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 4 of 4")).ToBeVisibleAsync();
        await page.GetByLabel("Yes, share it (co-sell)").CheckAsync();
        await page.GetByLabel("Proof of concept / demo").CheckAsync(); // a co-sell deal asks the vendor for help
        await page.GetByRole(AriaRole.Button, new() { Name = "Create deal" }).ClickAsync();
        await page.ToBeAtAsync("/deals/\\d+$");
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task<string> ReferralIdAsync(IPage page, string dealPath)
    {
        await page.GotoAsync(dealPath);
        return (await page.GetByLabel("Breadcrumb").Locator("[aria-current=page]").TextContentAsync())!.Trim();
    }
}
