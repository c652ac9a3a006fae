using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class InsightsTests(BrowserFixture browser)
{
    private static readonly string ScreenshotFolder = Path.Combine(Path.GetTempPath(), "referralportal-screenshots");

    [Fact]
    public async Task Insights_link_opens_the_dashboard_and_every_chart_is_drawn_without_script_errors()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Insights", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        // Six charts: status, won/lost, weighted pipeline (issue 14), deal type, top customers, top solutions.
        var charts = page.Locator("canvas[data-chart]");
        await Assertions.Expect(charts).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("canvas[data-chart][data-chart-ready='true']")).ToHaveCountAsync(6);
        await SaveScreenshotsAsync(page, "insights-partner");
        Assert.Empty(errors); // a CSP violation (inline style or script) is reported as a console error
    }

    [Fact]
    public async Task Choosing_another_currency_shows_the_monthly_figures_in_that_currency()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await page.GotoAsync("/insights");

        await page.GetByLabel("Currency for values").SelectOptionAsync("USD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Won and lost by month (USD, last 12 months)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Won and lost by month, in USD" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas[data-chart='wonLost'][data-chart-ready='true']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Vendor_reviewer_sees_the_whole_programme()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.Reviewer);

        await page.GotoAsync("/insights");

        await Assertions.Expect(page.GetByText("The whole partner programme", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrations awaiting your decision" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas[data-chart][data-chart-ready='true']")).ToHaveCountAsync(6);
        await SaveScreenshotsAsync(page, "insights-vendor");
    }

    [Fact]
    public async Task Programme_admin_sees_the_review_SLA_with_its_tables()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.ProgrammeAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Insights", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review SLA", Exact = true })).ToBeVisibleAsync();
        var bands = page.GetByRole(AriaRole.Table, new() { Name = "Awaiting a decision by days waiting" });
        await Assertions.Expect(bands.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync(["0–3 days", "4–7 days", "8–11 days", "12–14 days", "15 days or more"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Median time to decision per reviewer (last 90 days)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas[data-chart]:not([data-chart-ready='true'])")).ToHaveCountAsync(0);
        await Screenshots.SnapAsync(page, "insights-programme-review-sla");
    }

    // Looked at by people (issue 8 asks that the charts read well); not compared by the test.
    private static async Task SaveScreenshotsAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + "-full.png"), FullPage = true });
    }
}
