using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>The New deal wizard with the keyboard alone (Tab, Shift+Tab, Space, Enter, typing), and axe on each of its steps.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardWizardTests(BrowserFixture browser) : IAsyncDisposable
{
    private const int MaxTabs = 120;

    [Fact]
    public async Task Referral_admin_completes_the_new_deal_wizard_with_a_manual_customer_using_only_the_keyboard()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        var dealName = $"Keyboard deal {Guid.NewGuid().ToString("N")[..6]}";
        await page.GotoAsync("/referrals/outbound");

        // Step 1: the manual customer form.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "New deal" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Step 1 of 4")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Add customer manually" }));
        await page.Keyboard.PressAsync("Enter");
        await TypeIntoAsync(page, "#Manual_Name", $"Keyboard Lda {Guid.NewGuid().ToString("N")[..6]}");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Portugal");
        await TypeIntoAsync(page, "#Manual_AddressLine", "Rua Augusta 1");
        await TypeIntoAsync(page, "#Manual_City", "Lisboa");
        await TypeIntoAsync(page, "#Manual_PostalCode", "1100-048");
        await TypeIntoAsync(page, "#Manual_Industry", "Retail");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("50");
        await Assertions.Expect(page.Locator("#Manual_Country")).ToHaveValueAsync("PT");
        await Assertions.Expect(page.Locator("#Manual_Size")).ToHaveValueAsync("Medium");
        await TabToAsync(page, page.GetByRole(AriaRole.Form, new() { Name = "Add customer manually" }).GetByRole(AriaRole.Button, new() { Name = "Proceed" }));
        await page.Keyboard.PressAsync("Enter");

        // Step 2: skip the contact (Shift+Tab from Next reaches Skip).
        await Assertions.Expect(page.GetByText("Step 2 of 4")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Skip" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        // Step 3: details.
        await Assertions.Expect(page.GetByText("Step 3 of 4")).ToBeVisibleAsync();
        await TypeIntoAsync(page, "#Input_Name", dealName);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("120000");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("EUR");
        await TabToAsync(page, page.Locator("#Input_EstimatedCloseDate"));
        await page.Keyboard.TypeAsync(DateTime.UtcNow.AddDays(60).ToString("MMddyyyy", CultureInfo.InvariantCulture));
        await TabToAsync(page, page.GetByLabel("Northwind Analytics Cloud"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Northwind Analytics Cloud")).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Next" }));
        await page.Keyboard.PressAsync("Enter");

        // Step 4: share it (Tab reaches a radio group at its first option), create.
        await Assertions.Expect(page.GetByText("Step 4 of 4")).ToBeVisibleAsync();
        await TabToAsync(page, page.GetByLabel("Yes, share it (co-sell)"));
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByLabel("Yes, share it (co-sell)")).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create deal" }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("created and shared");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = dealName })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public async Task Each_wizard_step_has_no_serious_accessibility_violations(string culture)
    {
        var page = await Axe.NewPageAsync(browser);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);
        await Axe.UseCultureAsync(page, culture);
        var violations = new List<string>();

        await page.GotoAsync("/deals/new?country=PT&name=x&manual=true#manual");
        violations.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.FillAsync("#Manual_Name", $"Axe Lda {Guid.NewGuid().ToString("N")[..6]}");
        await page.SelectOptionAsync("#Manual_Country", "PT");
        await page.FillAsync("#Manual_AddressLine", "Rua do Ouro 2");
        await page.FillAsync("#Manual_City", "Lisboa");
        await page.FillAsync("#Manual_PostalCode", "1100-060");
        await page.FillAsync("#Manual_Industry", "Retail");
        await page.SelectOptionAsync("#Manual_Size", "Small");
        await page.Locator("#manual button[type=submit]").ClickAsync();
        await page.ToBeAtAsync("/contact$");
        violations.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.Locator("button[name=skip]").ClickAsync();
        await page.ToBeAtAsync("/details$");
        violations.AddRange(await Axe.SeriousViolationsAsync(page));
        await page.FillAsync("#Input_Name", "Axe check deal");
        await page.FillAsync("#Input_Value", "1000");
        await page.FillAsync("#Input_EstimatedCloseDate", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.Locator("input[name='Input.SolutionIds']").First.CheckAsync();
        await page.Locator("form button[type=submit].btn-primary").ClickAsync();
        await page.ToBeAtAsync("/sharing$");
        violations.AddRange(await Axe.SeriousViolationsAsync(page));

        Assert.Empty(violations);
    }

    /// <summary>Presses Tab until the target has the focus (the way a keyboard user gets there).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}.");
    }

    private static async Task TypeIntoAsync(IPage page, string selector, string text)
    {
        await TabToAsync(page, page.Locator(selector));
        await page.Keyboard.TypeAsync(text);
    }

    // Its tests switch language while signed in, which is stored on the user: leave no choice for the next tests.
    public ValueTask DisposeAsync() => browser.ForgetLanguageChoicesAsync();
}
