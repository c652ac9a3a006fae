using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>
/// Issue 18, defect 1: the Export CSV link rendered Razor source as its href, so the download failed on every tab.
/// Only a click on the real link proves the link; the endpoint itself was always right.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExportTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(DemoAccounts.NorthwindSales, new[] { "Inbound", "Outbound", "Favorites" })]
    [InlineData(DemoAccounts.Reviewer, new[] { "Shared with us", "Sent", "Favorites" })]
    public async Task Clicking_export_on_each_tab_downloads_a_csv_with_the_tabs_rows(string email, string[] tabs)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(page, email);
        await EnsureAFavouriteAsync(page);

        foreach (var tab in tabs)
        {
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Referral tabs" }).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^" + Regex.Escape(tab), RegexOptions.None, TimeSpan.FromSeconds(1)) }).First.ClickAsync();
            await Assertions.Expect(page.Locator("a.nav-link[aria-current='page']")).ToContainTextAsync(tab);
            var shown = await page.Locator("table.table-deals tbody td.deal-name div.small").AllInnerTextsAsync();
            Assert.NotEmpty(shown);
            var total = int.Parse(TotalOf().Match(await page.GetByTestId("result-range").InnerTextAsync()).Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" }).ClickAsync());

            Assert.Null(await download.FailureAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            var rows = ParseCsv(await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8));
            Assert.Equal("Referral ID", rows[0][0]);
            var ids = rows.Skip(1).Select(r => r[0]).ToList();
            Assert.Equal(total, ids.Count);
            Assert.Subset(ids.ToHashSet(), shown.ToHashSet());
        }
    }

    // The Favorites tab has an Export link only when it has rows: star the first deal of the first tab.
    private static async Task EnsureAFavouriteAsync(IPage page)
    {
        var star = page.Locator("table.table-deals tbody").GetByRole(AriaRole.Button, new() { Name = "Add to favorites" }).First;
        if (await page.Locator("table.table-deals tbody").GetByRole(AriaRole.Button, new() { Name = "Remove from favorites" }).CountAsync() == 0)
        {
            await star.ClickAsync();
            await Assertions.Expect(page.Locator("table.table-deals tbody").GetByRole(AriaRole.Button, new() { Name = "Remove from favorites" }).First).ToBeVisibleAsync();
        }
    }

    // RFC 4180: fields separated by commas, quoted when they hold a comma, quote or line break; "" is a quote.
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\uFEFF')
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex(@"of ([\d,]+)", RegexOptions.None, 1000)]
    private static partial Regex TotalOf();
}
