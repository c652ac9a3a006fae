using System.Text.Json;
using Microsoft.Playwright;

namespace ReferralPortal.BrowserTests.Infrastructure;

/// <summary>
/// Runs axe-core (vendored under axe/) in a page and fails on serious or critical violations. The app's
/// CSP forbids injected scripts, so pages checked with axe come from a context that bypasses CSP.
/// </summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");

    public static async Task<IPage> NewPageAsync(BrowserFixture browser)
    {
        Assert.SkipUnless(BrowserFixture.ChromiumAvailable, BrowserFixture.SkipMessage);
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Chooses the UI language as the top-bar links do (the culture cookie).</summary>
    public static async Task UseCultureAsync(IPage page, string culture) =>
        await page.GotoAsync($"/culture/{culture}?returnUrl=%2Faccount%2Flogin");

    /// <summary>The serious and critical violations on the page now, one line each (rule, impact, first elements).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.LoadedAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    public static async Task AssertCleanAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", violations));
    }
}
