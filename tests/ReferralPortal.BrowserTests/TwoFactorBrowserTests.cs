using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OtpNet;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// Issue 13 end to end: enrol an authenticator app on the Account page, sign out, sign in with a code computed
/// from the key the page shows (RFC 6238, by Otp.NET), sign out, sign in with a recovery code.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoFactorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Enrol_then_sign_in_with_an_authentication_code_and_then_with_a_recovery_code()
    {
        var page = await browser.NewPageAsync();
        try
        {
            await BrowserFixture.LoginAsync(page, DemoAccounts.FabrikamAdmin);
            await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Set up authenticator app" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" })).ToBeVisibleAsync();
            var totp = new Totp(Base32Encoding.ToBytes((await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()));

            await page.GetByLabel("Authentication code").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recovery codes" })).ToBeVisibleAsync();
            var recovery = await page.GetByTestId("recovery-codes").Locator("li").AllInnerTextsAsync();
            Assert.Equal(10, recovery.Count);

            await SignOutAsync(page);
            await PasswordStepAsync(page);

            // The next 30-second step: the enrolment used the current one, and each code is accepted once.
            await page.GetByLabel("Authentication code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await page.ToLeaveAsync("/account/login");
            await Assertions.Expect(page.GetByText("Fabrikam Consulting", new() { Exact = false }).First).ToBeVisibleAsync();

            await SignOutAsync(page);
            await PasswordStepAsync(page);
            await page.GetByLabel("Recovery code").FillAsync(recovery[0]);
            await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
            await page.ToLeaveAsync("/account/login");
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true })).ToBeVisibleAsync();
        }
        finally
        {
            // The demo account goes back to password only for the other browser tests.
            await browser.WithDatabaseAsync(db => db.Users.Where(u => u.NormalizedEmail == DemoAccounts.FabrikamAdmin.ToUpperInvariant())
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorEnabled, false)));
        }
    }

    [Fact]
    public async Task Show_password_reveals_the_typed_password_and_hides_it_again()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        var password = page.GetByLabel("Password", new() { Exact = true });
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show password" });
        await password.FillAsync("pasted pass phrase");

        await toggle.ClickAsync();
        await Assertions.Expect(password).ToHaveAttributeAsync("type", "text");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await toggle.ClickAsync();

        await Assertions.Expect(password).ToHaveAttributeAsync("type", "password");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
    }

    private static async Task PasswordStepAsync(IPage page)
    {
        await page.GetByLabel("Email").FillAsync(DemoAccounts.FabrikamAdmin);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(DemoAccounts.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
    }
}
