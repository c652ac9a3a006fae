using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class WorkspaceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sales_user_filters_outbound_stars_a_deal_finds_it_on_favorites_and_the_filtered_url_reloads_the_same_rows()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindSales);

        await page.GetByLabel("Country").SelectOptionAsync(new SelectOptionValue { Label = "Spain" });
        await page.ToBeAtAsync("country=ES");
        await page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Active" });
        await page.ToBeAtAsync("status=Active");
        var filteredUrl = page.Url;
        var rows = page.Locator("table.table-deals tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var names = await page.Locator("table.table-deals tbody td.deal-name a").AllInnerTextsAsync();
        Assert.NotEmpty(names);

        // Star the first deal without a full page load: a marker set on the window survives only if the page stays.
        var unstarred = rows.Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Add to favorites" }) }).First;
        var dealName = await unstarred.Locator("td.deal-name a").InnerTextAsync();
        var row = rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = dealName, Exact = true }) });
        await page.EvaluateAsync("() => { window.__stillHere = true; }");
        await row.GetByRole(AriaRole.Button, new() { Name = "Add to favorites" }).ClickAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Remove from favorites" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillHere === true"));

        await page.GotoAsync(filteredUrl);
        Assert.Equal(names, await page.Locator("table.table-deals tbody td.deal-name a").AllInnerTextsAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Favorites" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Favorites" })).ToHaveAttributeAsync("aria-current", "page");
        await page.GetByRole(AriaRole.Link, new() { Name = dealName, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = dealName, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove from favorites" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Outbound_tab_and_deal_page_fit_the_viewport_width(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindSales);
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, $"outbound-{width}x{height}");

        await page.Locator("table.table-deals tbody td.deal-name a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, $"deal-{width}x{height}");
    }

    // The table may scroll inside its own box; the page itself must not.
    private static async Task AssertNoSidewaysScrollAsync(IPage page) =>
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} scrolls sideways at this width.");

    // Set SCREENSHOT_DIR to keep full-page screenshots for a human to look at.
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SCREENSHOT_DIR") is { Length: > 0 } dir)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = page.ViewportSize!.Width > 800 });
        }
    }
}
