using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Insights;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// A "needs attention" list with more deals than the page lists: the most urgent ones, how many there are in all,
/// and a link to the workspace view that holds them all (a programme can have thousands due at once).
/// </summary>
public sealed class InsightsAttentionListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_long_list_of_reviews_due_shows_the_most_urgent_ones_their_total_and_a_link_to_all()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < InsightsQuery.AttentionListed + 5; i++)
        {
            // Shared 11 to 13 days ago with a 14-day window: due in one to three days, each at a different time.
            await WorkspaceTestData.AddOutboundDealAsync(factory, DemoAccounts.NorthwindAdmin, $"Due soon {i:00} Lda", $"Due soon {i:00}", at: now.AddDays(-11).AddHours(-2 * i));
        }

        await using var db = WorkspaceTestData.Db(factory);
        var due = await db.Deals.IgnoreQueryFilters()
            .Where(d => d.DealType == DealType.CoSell && d.Direction == DealDirection.Outbound && d.Status == DealStatus.New)
            .Select(d => new { d.Id, d.ReviewDueAt })
            .ToListAsync();
        var expected = due.Where(d => d.ReviewDueAt > now && d.ReviewDueAt <= now.AddDays(InsightsQuery.AttentionDays))
            .OrderBy(d => d.ReviewDueAt).ThenBy(d => d.Id).Select(d => $"/deals/{d.Id}").ToList();
        Assert.True(expected.Count > InsightsQuery.AttentionListed);
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/insights");

        Assert.Equal(expected.Take(InsightsQuery.AttentionListed), InsightsJson.DealHrefs(page, "reviews-table"));
        var more = page.QuerySelector("[data-testid=reviews-table-more]")!;
        Assert.Contains($"Showing {InsightsQuery.AttentionListed} of {expected.Count}, the most urgent first.", more.TextContent, StringComparison.Ordinal);
        var link = more.QuerySelector("a")!;
        Assert.Equal("/referrals/shared", link.GetAttribute("href"));
        Assert.Equal("Open the full list in Shared with us", link.TextContent.Trim());
        var registrations = page.QuerySelectorAll("[data-testid=registrations-table] tbody tr").Length;
        Assert.Equal((expected.Count + registrations).ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("[data-testid=attention-count]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_short_list_says_nothing_about_more()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/insights");

        Assert.Null(page.QuerySelector("[data-testid=registrations-table-more]"));
        Assert.Null(page.QuerySelector("[data-testid=reviews-table-more]"));
    }
}
