using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Reads the Insights chart data and tables the way a test needs them.</summary>
public static class InsightsJson
{
    public static async Task<JsonDocument> GetAsync(PortalClient client, string? currency = null)
    {
        var url = currency is null ? "/insights/data" : "/insights/data?currency=" + Uri.EscapeDataString(currency);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public static JsonElement Chart(JsonDocument json, string chart) => json.RootElement.GetProperty("charts").GetProperty(chart);

    public static List<string> Labels(JsonDocument json, string chart) =>
        [.. Chart(json, chart).GetProperty("labels").EnumerateArray().Select(e => e.GetString()!)];

    public static List<string> SeriesKeys(JsonDocument json, string chart) =>
        [.. Chart(json, chart).GetProperty("series").EnumerateArray().Select(s => s.GetProperty("key").GetString()!)];

    public static List<decimal> Series(JsonDocument json, string chart, string key)
    {
        var series = Chart(json, chart).GetProperty("series").EnumerateArray()
            .Single(s => s.GetProperty("key").GetString() == key);
        return [.. series.GetProperty("data").EnumerateArray().Select(e => e.GetDecimal())];
    }

    /// <summary>The text of one column (0 = the row header) of a table found by its data-testid.</summary>
    public static List<string> TableColumn(IHtmlDocument page, string testId, int column) =>
        [.. Table(page, testId).QuerySelectorAll("tbody tr").Select(r => r.Children[column].TextContent.Trim())];

    /// <summary>The names of the deals linked from a table.</summary>
    public static List<string> DealLinks(IHtmlDocument page, string testId) =>
        [.. Table(page, testId).QuerySelectorAll("tbody a[href^='/deals/']").Select(a => a.TextContent.Trim())];

    public static List<string> DealHrefs(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid='{testId}']") is { } table
            ? [.. table.QuerySelectorAll("tbody a[href^='/deals/']").Select(a => a.GetAttribute("href")!)]
            : [];

    private static AngleSharp.Dom.IElement Table(IHtmlDocument page, string testId) =>
        page.QuerySelector($"[data-testid='{testId}']") ?? throw new InvalidOperationException($"No table {testId} on the page.");
}
