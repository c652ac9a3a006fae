using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageSwitchTests(BrowserFixture browser)
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
}
