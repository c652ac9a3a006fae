using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>axe-core finds no serious or critical violation on the portal's pages, in English and in Portuguese.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser) : IAsyncDisposable
{
    public static TheoryData<string, string, string> Pages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var culture in new[] { "en", "pt-PT" })
        {
            foreach (var (user, url) in new[]
            {
                (DemoAccounts.NorthwindAdmin, "/referrals/inbound"),
                (DemoAccounts.NorthwindAdmin, "/referrals/outbound"),
                (DemoAccounts.NorthwindAdmin, "/referrals/favorites"),
                (DemoAccounts.Reviewer, "/referrals/shared"),
                (DemoAccounts.Reviewer, "/referrals/sent"),
                (DemoAccounts.NorthwindAdmin, "/solutions"),
                (DemoAccounts.NorthwindAdmin, "/insights"),
                (DemoAccounts.Reviewer, "/insights"),
                (DemoAccounts.ProgrammeAdmin, "/insights"), // the Review SLA section is theirs alone
                (DemoAccounts.NorthwindAdmin, "/deals/new"),
                (DemoAccounts.NorthwindAdmin, "/notifications"),
                (DemoAccounts.NorthwindAdmin, "/team"),
                (DemoAccounts.ProgrammeAdmin, "/team"),
                (DemoAccounts.ProgrammeAdmin, "/partners"),
                (DemoAccounts.ProgrammeAdmin, "/partners/2"),
            })
            {
                data.Add(culture, user, url);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public async Task Login_page_has_no_serious_accessibility_violations(string culture)
    {
        var page = await Axe.NewPageAsync(browser);
        await Axe.UseCultureAsync(page, culture);

        await page.GotoAsync("/account/login");

        await Axe.AssertCleanAsync(page);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_has_no_serious_accessibility_violations(string culture, string user, string url)
    {
        var page = await Axe.NewPageAsync(browser);
        await BrowserFixture.LoginAsync(page, user);
        await Axe.UseCultureAsync(page, culture);

        await page.GotoAsync(url);

        await Axe.AssertCleanAsync(page);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public async Task Deal_page_has_no_serious_accessibility_violations(string culture)
    {
        var page = await Axe.NewPageAsync(browser);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await Axe.UseCultureAsync(page, culture);
        await page.GotoAsync("/referrals/outbound");

        await page.Locator("td.deal-name a").First.ClickAsync();
        await page.ToBeAtAsync("/deals/");

        await Axe.AssertCleanAsync(page);
    }

    // Its tests switch language while signed in, which is stored on the user: leave no choice for the next tests.
    public ValueTask DisposeAsync() => browser.ForgetLanguageChoicesAsync();
}
