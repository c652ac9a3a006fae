using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserFixture browser) : IAsyncDisposable
{
    [Fact]
    public async Task Switching_to_portuguese_in_the_top_bar_translates_the_page_and_survives_a_reload()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Português" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oportunidades", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt-PT");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oportunidades", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "De saída" })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task Switching_back_to_english_restores_the_english_labels()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Português" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Oportunidades", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Idioma" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referrals", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Language_chosen_in_one_browser_follows_the_user_to_another()
    {
        var first = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(first, DemoAccounts.NorthwindAdmin);
        await first.GetByRole(AriaRole.Link, new() { Name = "Português" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Heading, new() { Name = "Oportunidades", Exact = true })).ToBeVisibleAsync();

        var second = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(second, DemoAccounts.NorthwindAdmin);

        await Assertions.Expect(second.GetByRole(AriaRole.Heading, new() { Name = "Oportunidades", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "pt-PT");
    }

    [Fact]
    public async Task Insights_in_portuguese_draws_its_charts_with_portuguese_labels_and_numbers()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Português" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Indicadores" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pipeline por estado" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("canvas[data-chart][data-chart-ready='true']")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("status-table").GetByRole(AriaRole.Rowheader, new() { Name = "Ativa" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("open-pipeline")).ToHaveTextAsync(new Regex(@"^\d{1,3}([\u00A0\u202F ]\d{3})*,\d{2}\s€$"));

        // Looked at by people (issue 8 asks for readable charts in both languages); not compared.
        var folder = Path.Combine(Path.GetTempPath(), "referralportal-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "insights-partner-pt-PT-full.png"), FullPage = true });
    }

    // Its tests switch language while signed in, which is stored on the user: leave no choice for the next tests.
    public ValueTask DisposeAsync() => browser.ForgetLanguageChoicesAsync();
}
