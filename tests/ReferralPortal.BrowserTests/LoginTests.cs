using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LoginTests(BrowserFixture browser)
{
    [Fact]
    public async Task Sales_user_logs_in_through_the_page_and_sees_the_referrals_workspace()
    {
        var page = await browser.NewPageAsync();

        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindSales);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referrals" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Outbound" })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(page.GetByText("Samuel Reis · Northwind Traders")).ToBeVisibleAsync();
    }
}
