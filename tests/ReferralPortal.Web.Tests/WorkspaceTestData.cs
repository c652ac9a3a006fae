using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Arranges and reads workspace data for the integration tests (the database side of what the pages show).</summary>
internal static class WorkspaceTestData
{
    /// <summary>A context on the test database, after the app has started (and so migrated and seeded it).</summary>
    public static Data.ReferralsDbContext Db(PortalFactory factory)
    {
        _ = factory.Server;
        return factory.NewDbContext();
    }

    /// <summary>An outbound deal of the admin's organisation for a new customer of its own (its solutions: every published one).</summary>
    public static Task<int> AddOutboundDealAsync(
        PortalFactory factory, string adminEmail, string customerName, string dealName, string country = "PT", bool share = true, string? notes = null, DateTime? at = null) =>
        new DealBuilder(factory).OutboundAsync(adminEmail, share, at, new DealSetup(dealName, customerName, country, 1234.5m, notes, Eligible: null));

    public static async Task<int> OrganisationIdAsync(PortalFactory factory, string name)
    {
        await using var db = WorkspaceTestData.Db(factory);
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>The referral IDs of the table's rows, in order.</summary>
    public static List<string> ReferralIds(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.table-deals tbody td.deal-name div").Select(e => e.TextContent.Trim())];

    /// <summary>The referral IDs of every row of a view, read 100 a page until a page is short.</summary>
    public static async Task<List<string>> AllReferralIdsAsync(PortalClient client, string url)
    {
        var ids = new List<string>();
        var joiner = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ids.Count == (page - 1) * 100; page++)
        {
            // A page past the end shows the last page again: a repeat means the view is read whole.
            var rows = ReferralIds(await client.GetPageAsync($"{url}{joiner}pageSize=100&page={page}"));
            if (rows.Count > 0 && ids.Contains(rows[0]))
            {
                break;
            }

            ids.AddRange(rows);
        }

        return ids;
    }

    /// <summary>The deals a search on the Outbound tab finds (its first 100 rows).</summary>
    public static async Task<List<int>> SearchOutboundAsync(PortalClient client, string text) =>
        DealIds(await client.GetPageAsync("/referrals/outbound?pageSize=100&q=" + Uri.EscapeDataString(text)));

    public static List<int> DealIds(IHtmlDocument page) =>
        [.. ReferralIds(page).Select(r => Deal.ParseReferralId(r)!.Value)];

    public static List<string> OptionLabels(IHtmlDocument page, string selectId) =>
        [.. page.QuerySelectorAll($"select#{selectId} option").Skip(1).Select(o => o.TextContent.Trim())];

    public static string ResultRange(IHtmlDocument page) =>
        page.QuerySelector("[data-testid=result-range]")!.TextContent.Trim();
}
