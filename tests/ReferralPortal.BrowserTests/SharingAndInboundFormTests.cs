using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>Issue 18, defect 11, as a browser shows it: the refusal appears while choosing, not only after submit.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingAndInboundFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task Choosing_help_and_then_keep_private_says_at_once_beside_the_choice_that_help_needs_sharing()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await page.GotoAsync("/deals/new?country=PT&name=Lisboa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Select" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await page.GetByLabel("Deal name").FillAsync("Inline sharing message check");
        await page.GetByLabel("Estimated value").FillAsync("1000");
        await page.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Northwind Analytics Cloud").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 4 of 4")).ToBeVisibleAsync();

        await page.GetByLabel("Proof of concept / demo").CheckAsync();
        await page.GetByLabel("No, keep it private").CheckAsync();

        var message = "Asking Contoso Cloud for help means sharing the deal: choose Yes, or clear the help you asked for.";
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Share with Contoso Cloud's sales team" })).ToContainTextAsync(message);
        await page.GetByLabel("Yes, share it (co-sell)").CheckAsync();
        await Assertions.Expect(page.GetByText(message)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Choosing_a_partner_on_the_inbound_form_leaves_only_its_solutions_to_suggest()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.Reviewer);
        await page.GotoAsync("/inbound/new");

        await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = DemoAccounts.Fabrikam });

        var solutions = page.GetByLabel("Suggested solution");
        await Assertions.Expect(solutions.Locator("optgroup:not([hidden])")).ToHaveCountAsync(1);
        await Assertions.Expect(solutions.Locator("optgroup:not([hidden])")).ToHaveAttributeAsync("label", DemoAccounts.Fabrikam);
    }
}
