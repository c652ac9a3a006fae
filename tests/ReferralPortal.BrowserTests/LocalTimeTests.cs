using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// Issue 18, defect 12: times were shown in UTC with no zone. Decision: the HTML carries UTC, said so, and the browser
/// shows its own local time with the zone named, keeping the UTC time as the tooltip.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LocalTimeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Deal_page_shows_times_in_the_browsers_zone_named_with_utc_on_hover()
    {
        Assert.SkipUnless(BrowserFixture.ChromiumAvailable, BrowserFixture.SkipMessage);
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            TimezoneId = "America/New_York",
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindSales);

        await page.Locator("table.table-deals tbody td.deal-name a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activity" })).ToBeVisibleAsync();

        var created = page.Locator("time[data-local-time]").First;
        await Assertions.Expect(created).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(" UTC$"));
        await Assertions.Expect(created).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("(EST|EDT|GMT-[45])$"));
        await context.CloseAsync();
    }
}
