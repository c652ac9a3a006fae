using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>The strict Content-Security-Policy breaks nothing: no violation or script error on the main pages and every wizard step.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityCspTests(BrowserFixture browser)
{
    [Fact]
    public async Task Workspace_deal_page_and_every_wizard_step_run_without_csp_violations_or_script_errors()
    {
        var page = await browser.NewPageAsync();
        var problems = Watch(page);
        var visited = new List<string>();

        await page.GotoAsync("/account/login");
        visited.Add(page.Url);
        await BrowserFixture.LoginAsync(page, DemoAccounts.NorthwindAdmin);

        await page.GotoAsync("/referrals/outbound");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New deal" })).ToBeVisibleAsync();
        visited.Add(page.Url);

        await page.Locator("table a[href^='/deals/']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/deals/\d+$"));
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        visited.Add(page.Url);

        await page.GotoAsync("/insights");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();
        visited.Add(page.Url);

        await page.GotoAsync("/referrals/outbound");
        await page.GetByRole(AriaRole.Button, new() { Name = "New deal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 1 of 4")).ToBeVisibleAsync();
        visited.Add(page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add customer manually" }).ClickAsync();
        var manual = page.GetByRole(AriaRole.Form, new() { Name = "Add customer manually" });
        await manual.GetByLabel("Company name").FillAsync($"CSP Check {Guid.NewGuid().ToString("N")[..6]}");
        await manual.GetByLabel("Country").SelectOptionAsync("PT");
        await manual.GetByLabel("Address").FillAsync("Rua Augusta 1");
        await manual.GetByLabel("City").FillAsync("Lisboa");
        await manual.GetByLabel("Postal code").FillAsync("1100-048");
        await manual.GetByLabel("Industry").FillAsync("Retail");
        await manual.GetByLabel("Company size").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await manual.GetByRole(AriaRole.Button, new() { Name = "Proceed" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 2 of 4")).ToBeVisibleAsync();
        visited.Add(page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 3 of 4")).ToBeVisibleAsync();
        visited.Add(page.Url);
        await page.GetByLabel("Deal name").FillAsync("CSP check deal");
        await page.GetByLabel("Estimated value").FillAsync("1000");
        await page.GetByLabel("Currency").SelectOptionAsync("EUR");
        await page.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Northwind Analytics Cloud").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Step 4 of 4")).ToBeVisibleAsync();
        visited.Add(page.Url);
        await page.GetByLabel("Proof of concept / demo").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create deal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/deals/\d+$"));
        visited.Add(page.Url);

        Console.WriteLine($"CSP browser check: {visited.Count} pages, {problems.Count} violations or script errors.");
        Assert.True(problems.IsEmpty, "On " + string.Join(", ", visited) + ":\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Vendor_workspace_and_inbound_form_run_without_csp_violations_or_script_errors()
    {
        var page = await browser.NewPageAsync();
        var problems = Watch(page);
        await BrowserFixture.LoginAsync(page, DemoAccounts.Reviewer);

        await page.GotoAsync("/referrals/shared");
        await Assertions.Expect(page.Locator("table a[href^='/deals/']").First).ToBeVisibleAsync();
        await page.GotoAsync("/inbound/new");
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync();

        Assert.True(problems.IsEmpty, string.Join("\n", problems));
    }

    [Fact]
    public async Task Inline_style_injected_into_a_page_is_refused_and_reported_to_the_watch()
    {
        var page = await browser.NewPageAsync();
        var problems = Watch(page);
        await page.GotoAsync("/account/login");

        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => { const s = document.createElement('style'); s.textContent = 'body { color: red; }'; document.head.appendChild(s); }"),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) });

        Assert.NotEmpty(problems);
    }

    /// <summary>Chromium reports each CSP violation on the console ("Refused to ..."); script errors arrive as page errors.</summary>
    private static ConcurrentQueue<string> Watch(IPage page)
    {
        var problems = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning"
                && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal)))
            {
                problems.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Enqueue($"{page.Url}: script error {error}");
        return problems;
    }
}
