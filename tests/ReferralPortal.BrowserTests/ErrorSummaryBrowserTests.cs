using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// The error summary in Chromium: it takes the focus whether client-side validation or the server stopped the
/// submit, lists the messages as links, and a link puts the focus in its field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ErrorSummaryBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string NameMessage = "Enter a deal name of 3 to 200 characters.";

    [Fact]
    public async Task Empty_details_step_stopped_in_the_browser_focuses_the_summary_whose_link_focuses_the_field()
    {
        var page = await DetailsStepAsync(await browser.NewPageAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" })).ToBeVisibleAsync();
        var link = summary.GetByRole(AriaRole.Link, new() { Name = NameMessage });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#Input_Name");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter the estimated value." })).ToBeVisibleAsync();
        Assert.EndsWith("/details", page.Url, StringComparison.Ordinal);
        await Screenshots.SnapAsync(page, "details-client-errors", fullPage: false);

        await link.PressAsync("Enter");

        await Assertions.Expect(page.GetByLabel("Deal name")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Server_only_errors_arrive_with_the_summary_focused_and_a_group_link_focuses_its_first_check_box()
    {
        var page = await DetailsStepAsync(await browser.NewPageAsync());
        await page.GetByLabel("Deal name").FillAsync("Summary check deal");
        await page.GetByLabel("Estimated value").FillAsync("1000");
        await page.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The past date and the missing solution are checked on the server only: the page comes back.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Screenshots.SnapAsync(page, "details-server-errors", fullPage: false);

        await summary.GetByRole(AriaRole.Link).Last.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Solutions" }).GetByRole(AriaRole.Checkbox).First).ToBeFocusedAsync();

        await summary.GetByRole(AriaRole.Link).First.ClickAsync();

        await Assertions.Expect(page.GetByLabel("Estimated close date")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Without_javascript_the_server_summary_lists_the_messages_as_links_to_the_fields()
    {
        var page = await DetailsStepAsync(await browser.NewPageAsync(javaScript: false));

        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        var link = summary.GetByRole(AriaRole.Link, new() { Name = NameMessage });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "#Input_Name");
        await Assertions.Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync(NameMessage);
    }

    [Fact]
    public async Task Manual_customer_form_stopped_in_the_browser_fills_the_summary_at_the_top_of_the_page()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await page.GotoAsync("/deals/new?country=PT&manual=true#manual");
        var manual = page.GetByRole(AriaRole.Form, new() { Name = "Add customer manually" });
        await manual.GetByLabel("Company name").FillAsync("Summary Lda");

        await manual.GetByRole(AriaRole.Button, new() { Name = "Proceed" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(5);
        await Screenshots.SnapAsync(page, "customer-manual-client-errors", fullPage: false);

        await summary.GetByRole(AriaRole.Link, new() { Name = "Choose the company size." }).ClickAsync();

        await Assertions.Expect(manual.GetByLabel("Company size")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Wrong_password_is_announced_in_the_focused_summary()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(DemoAccounts.NorthwindSales);
        await page.GetByLabel("Password").FillAsync("not the password");

        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary).ToContainTextAsync("The email or password is incorrect.");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public async Task Details_step_with_errors_has_no_serious_accessibility_violations(string culture)
    {
        var page = await Axe.NewPageAsync(browser);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await Axe.UseCultureAsync(page, culture);
        await DetailsStepAsync(page, login: false);

        await page.Locator("form button[type=submit].btn-primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeFocusedAsync();

        await Axe.AssertCleanAsync(page);
    }

    /// <summary>Logs in as the Northwind admin (unless already), selects the demo customer, skips the contact: step 3.</summary>
    private static async Task<IPage> DetailsStepAsync(IPage page, bool login = true)
    {
        if (login)
        {
            await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        }

        await page.GotoAsync("/deals/new?country=PT&name=Lisboa");
        await page.Locator("form[action$='/customer/select'] button[type=submit]").First.ClickAsync();
        await page.ToBeAtAsync("/contact$");
        await page.Locator("button[name=skip]").ClickAsync();
        await page.ToBeAtAsync("/details$");
        return page;
    }

    // The axe test switches language while signed in, which is stored on the user: leave no choice for the next tests.
    public ValueTask DisposeAsync() => browser.ForgetLanguageChoicesAsync();
}
