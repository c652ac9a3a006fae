using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>Issue 14 end to end in Chromium: edit, deal team, Assigned to me, a stage move and the weighted pipeline.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DealWorkBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_edits_and_staffs_a_deal_and_the_sales_user_moves_it_to_proposed_which_raises_the_weighted_pipeline()
    {
        var admin = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(admin, DemoAccounts.NorthwindAdmin);
        await admin.GotoAsync("/referrals/outbound?status=Active&stage=Accepted");
        await admin.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Link).First.ClickAsync();
        await admin.ToBeAtAsync("/deals/\\d+$");
        var dealUrl = new Uri(admin.Url).AbsolutePath;
        var referralId = (await admin.GetByLabel("Breadcrumb").Locator("[aria-current=page]").TextContentAsync())!.Trim();

        // Edit value and close date: both become entries of the timeline.
        await admin.GetByRole(AriaRole.Link, new() { Name = "Edit deal" }).ClickAsync();
        await admin.ToBeAtAsync("/edit$");
        await admin.GetByLabel("Estimated value").FillAsync("100000");
        await admin.GetByLabel("Currency").SelectOptionAsync("EUR");
        var closeDate = DateTime.UtcNow.AddDays(120);
        await admin.GetByLabel("Estimated close date").FillAsync(closeDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Deal updated.")).ToBeVisibleAsync();
        var timeline = admin.Locator(".timeline");
        await Assertions.Expect(timeline).ToContainTextAsync("€100,000.00");
        await Assertions.Expect(timeline).ToContainTextAsync("changed Estimated close date:");
        await Assertions.Expect(timeline).ToContainTextAsync(closeDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture));

        // Add the sales user to the deal team.
        await admin.GetByLabel("Add member").SelectOptionAsync(new SelectOptionValue { Label = "Samuel Reis (sales@northwind.example)" });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add to team" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Deal team updated.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("deal-team")).ToContainTextAsync("Samuel Reis");

        // The sales user finds it under Assigned to me and moves it to Proposed.
        var sales = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(sales, DemoAccounts.NorthwindSales);
        var before = await WeightedEurAsync(sales);
        await sales.GotoAsync("/referrals/outbound");
        await sales.GetByLabel("Assigned to me").CheckAsync();
        await sales.ToBeAtAsync("assigned=me");
        await Assertions.Expect(sales.GetByTestId("result-range")).ToHaveTextAsync("1–1 of 1");
        await sales.GetByRole(AriaRole.Row).Filter(new() { HasText = referralId }).GetByRole(AriaRole.Link).First.ClickAsync();
        await sales.ToBeAtAsync(dealUrl + "$");
        await sales.GetByLabel("Move to stage").SelectOptionAsync(new SelectOptionValue { Label = "Proposed (60 %)" });
        await sales.GetByRole(AriaRole.Button, new() { Name = "Move stage" }).ClickAsync();
        await Assertions.Expect(sales.GetByText("Sales stage moved.")).ToBeVisibleAsync();
        await Assertions.Expect(sales.GetByTestId("current-stage")).ToHaveTextAsync("Current stage: Proposed (60 %)");
        await Assertions.Expect(sales.Locator(".timeline")).ToContainTextAsync("moved the sales stage: Accepted (10 %) → Proposed (60 %).");

        // Accepted 10 % → Proposed 60 % of €100,000.00: the weighted pipeline in EUR grows by €50,000.00.
        Assert.Equal(before + 50_000m, await WeightedEurAsync(sales));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Deal_page_and_edit_page_fit_the_screen(int width, int height)
    {
        var admin = await browser.NewPageAsync(width, height);
        await BrowserFixture.LoginAsync(admin, DemoAccounts.NorthwindAdmin);
        await admin.GotoAsync("/referrals/outbound?status=Active&stage=Accepted");
        await admin.Locator("td.deal-name a").First.ClickAsync();
        await admin.ToBeAtAsync("/deals/\\d+$");
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Deal team" })).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Sales stage" })).ToBeVisibleAsync();
        await Screenshots.SnapAsync(admin, $"deal-page-{width}x{height}");
        Assert.True(await FitsAsync(admin), "The deal page scrolls sideways.");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Edit deal" }).ClickAsync();
        await admin.ToBeAtAsync("/edit$");
        await Screenshots.SnapAsync(admin, $"edit-page-{width}x{height}");
        Assert.True(await FitsAsync(admin), "The edit page scrolls sideways.");
    }

    private static Task<bool> FitsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    private static async Task<decimal> WeightedEurAsync(IPage page)
    {
        await page.GotoAsync("/insights?currency=EUR");
        var text = (await page.GetByTestId("pipeline-weighted-EUR").TextContentAsync())!.Trim();
        return decimal.Parse(text.Replace("€", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }
}
