using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ReferralPortal.BrowserTests.Infrastructure;

/// <summary>
/// Waits for a page to arrive without Playwright .NET's <c>WaitForURLAsync</c>/<c>WaitForLoadStateAsync</c>: both
/// check a state and then subscribe to its event while another thread delivers events, so an event that lands in
/// between is lost and the wait runs into its 30 s timeout (microsoft/playwright-dotnet#3364, open in 1.64.1; it
/// failed a CI run here once). These waits are answered by Playwright's server, which has no such gap.
/// </summary>
public static class PageWaits
{
    // As long as the navigation waits these replace: a first request may compile and warm up the app.
    private const float NavigationTimeout = 30_000;

    /// <summary>Waits until the page's address matches <paramref name="pattern"/> (a regular expression) and it has loaded.</summary>
    public static async Task ToBeAtAsync(this IPage page, string pattern)
    {
        await Assertions.Expect(page).ToHaveURLAsync(Pattern(pattern), new() { Timeout = NavigationTimeout });
        await page.LoadedAsync();
    }

    /// <summary>Waits until the page's address no longer matches <paramref name="pattern"/> and the new page has loaded.</summary>
    public static async Task ToLeaveAsync(this IPage page, string pattern)
    {
        await Assertions.Expect(page).Not.ToHaveURLAsync(Pattern(pattern), new() { Timeout = NavigationTimeout });
        await page.LoadedAsync();
    }

    /// <summary>
    /// Waits until the current document has loaded with its style sheets and scripts (its load event). Asked from
    /// here, one evaluation at a time: <c>WaitForFunctionAsync</c> polls with the page's animation frames, which never
    /// come in a page with JavaScript switched off, so a document not yet complete at its first check waited out the
    /// whole timeout there (a CI run on a loaded machine failed so).
    /// </summary>
    public static async Task LoadedAsync(this IPage page)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(NavigationTimeout);
        while (true)
        {
            try
            {
                if (await page.EvaluateAsync<string>("() => document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // The document was replaced while being asked (a navigation still under way): ask the new one.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{page.Url} did not finish loading within {NavigationTimeout / 1000} s.");
            }

            await Task.Delay(25);
        }
    }

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
}
