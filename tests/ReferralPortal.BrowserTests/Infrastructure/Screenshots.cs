using Microsoft.Playwright;

namespace ReferralPortal.BrowserTests.Infrastructure;

/// <summary>Set RP_SCREENSHOTS to a folder to keep a picture of the pages the tests pass through (for reviewing them by eye).</summary>
public static class Screenshots
{
    private static readonly string? Folder = Environment.GetEnvironmentVariable("RP_SCREENSHOTS");

    public static async Task SnapAsync(IPage page, string name, bool fullPage = true)
    {
        if (Folder is not null)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.png"), FullPage = fullPage });
        }
    }
}
