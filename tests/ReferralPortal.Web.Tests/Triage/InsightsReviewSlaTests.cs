using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Configurations;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Insights;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Triage;

/// <summary>
/// The Review SLA view on Insights (issue 19): deals of known ages and decisions are added to the demo programme and
/// the page's tables must move by exactly those (the demo seed's own deals are read first, so the test holds whatever
/// the seed has); the view is the programme admin's alone.
/// </summary>
public sealed class InsightsReviewSlaTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string TestReviewer = "Sla Test Reviewer";

    [Fact]
    public async Task Bands_medians_and_expired_count_move_by_the_arranged_deals()
    {
        var builder = new DealBuilder(factory);
        var now = builder.Now;
        DateTime Ago(double days) => now.AddDays(-days);
        using var client = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var before = Read(await client.GetPageAsync("/insights"));
        Assert.DoesNotContain(TestReviewer, before.Medians.Keys);

        var vendor = await builder.ActorAsync(DemoAccounts.Reviewer);
        var reviewer = new Actor("sla-test-reviewer", TestReviewer, vendor.OrganisationId, OrganisationKind.Vendor, PortalRole.Reviewer);

        // Awaiting a decision: 1 and 3.5 days old (0–3), 5 (4–7), 9 and 10 (8–11), 13 (12–14).
        foreach (var age in new[] { 1, 3.5, 5, 9, 10, 13 })
        {
            await builder.OutboundAsync(at: Ago(age));
        }

        // Registrations submitted 2 days ago (0–3) and 16 days ago (15 or more).
        await builder.OutboundAsync(at: Ago(4), then: (d, admin, _, _) => { d.Accept(reviewer, Ago(3)); d.SubmitRegistration(admin, Ago(2)); });
        await builder.OutboundAsync(at: Ago(20), then: (d, admin, _, _) => { d.Accept(reviewer, Ago(19)); d.SubmitRegistration(admin, Ago(16)); });

        // Decisions by the test reviewer within 90 days: 1 day twice (the accepts above), 5, 3 and 10 days; one older (5 days) is left out.
        await builder.OutboundAsync(at: Ago(30), then: (d, _, _, _) => d.Accept(reviewer, Ago(25)));
        await builder.OutboundAsync(at: Ago(40), then: (d, _, _, _) => d.Accept(reviewer, Ago(37)));
        await builder.OutboundAsync(at: Ago(50), then: (d, _, _, _) => d.Decline(reviewer, CloseReason.RequirementNotMet, null, Ago(40)));
        await builder.OutboundAsync(at: Ago(115), then: (d, _, _, _) => d.Accept(reviewer, Ago(110)));

        // Expired: one 6 days ago (counted), one 106 days ago (outside the 90 days).
        var window = builder.ReviewWindow;
        await builder.OutboundAsync(at: Ago(20), then: (d, _, _, _) => d.Expire(Ago(20) + window + TimeSpan.FromHours(1)));
        await builder.OutboundAsync(at: Ago(120), then: (d, _, _, _) => d.Expire(Ago(120) + window + TimeSpan.FromHours(1)));

        var after = Read(await client.GetPageAsync("/insights"));

        Assert.Equal(new[] { 2, 1, 2, 1, 0 }, Delta(after.Referrals, before.Referrals));
        Assert.Equal(new[] { 1, 0, 0, 0, 1 }, Delta(after.Registrations, before.Registrations));
        Assert.Equal(["0–3 days", "4–7 days", "8–11 days", "12–14 days", "15 days or more"], after.Labels);
        // Five decisions in the period: 1, 1, 3, 5, 10 days; the median is the third (with the older one it would be 4).
        Assert.Equal(("5", "3 days"), after.Medians[TestReviewer]);
        Assert.Equal(before.Expired + 1, after.Expired);

        // The charts are drawn from the same figures.
        var charts = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/insights/data", UriKind.Relative))).RootElement.GetProperty("charts");
        Assert.Equal(after.Referrals, charts.GetProperty(InsightsCharts.SlaBands).GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(e => e.GetInt32()).ToArray());
    }

    [Fact]
    public async Task A_registration_without_its_submission_time_is_aged_from_its_activity_until_the_backfill_fills_it()
    {
        var builder = new DealBuilder(factory);
        var now = builder.Now;
        using var client = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var vendor = await builder.ActorAsync(DemoAccounts.Reviewer);
        var reviewer = new Actor("sla-test-reviewer-2", "Sla Backfill Reviewer", vendor.OrganisationId, OrganisationKind.Vendor, PortalRole.Reviewer);
        var before = Read(await client.GetPageAsync("/insights"));
        var id = await builder.OutboundAsync(at: now.AddDays(-12), then: (d, admin, _, _) => { d.Accept(reviewer, now.AddDays(-11)); d.SubmitRegistration(admin, now.AddDays(-9)); });

        // As a registration submitted before the column existed (or written by a bulk load) has it: empty.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var deals = db.Deals.IgnoreQueryFilters().Where(d => d.Id == id);
        await deals.ExecuteUpdateAsync(s => s.SetProperty(d => d.RegistrationSubmittedAt, (DateTime?)null));
        var unstamped = Read(await client.GetPageAsync("/insights"));

        await db.Database.ExecuteSqlRawAsync(ReviewSlaIndexes.BackfillRegistrationSubmittedAtSql);
        var filled = await deals.Select(d => d.RegistrationSubmittedAt).SingleAsync();
        var stamped = Read(await client.GetPageAsync("/insights"));

        Assert.Equal(new[] { 0, 0, 1, 0, 0 }, Delta(unstamped.Registrations, before.Registrations)); // 9 days: 8–11
        Assert.Equal(now.AddDays(-9), filled!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(unstamped.Registrations, stamped.Registrations);
    }

    [Theory]
    [InlineData(DemoAccounts.ProgrammeAdmin, true)]
    [InlineData(DemoAccounts.Reviewer, false)]
    [InlineData(DemoAccounts.NorthwindAdmin, false)]
    public async Task Only_a_programme_admin_sees_the_review_sla(string email, bool sees)
    {
        using var client = await factory.LoginAsync(email);

        var page = await client.GetPageAsync("/insights");
        var charts = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/insights/data", UriKind.Relative))).RootElement.GetProperty("charts");

        Assert.NotNull(page.QuerySelector("[data-testid=status-table]")); // the rest of Insights is there for everyone
        Assert.Equal(sees, page.QuerySelector("[data-testid=review-sla]") is not null);
        Assert.Equal(sees, page.QuerySelector("#sla-heading")?.TextContent.Trim() == "Review SLA");
        Assert.Equal(sees, charts.TryGetProperty(InsightsCharts.SlaBands, out _));
        Assert.Equal(sees, charts.TryGetProperty(InsightsCharts.SlaMedians, out _));
    }

    private static int[] Delta(int[] after, int[] before) => [.. after.Zip(before, (a, b) => a - b)];

    private static Sla Read(IHtmlDocument page)
    {
        var bands = page.QuerySelectorAll("[data-testid=sla-bands-table] tbody tr").ToList();
        Assert.Equal(ReviewSlaQuery.BandStarts.Count, bands.Count);
        int Cell(AngleSharp.Dom.IElement row, int i) => int.Parse(row.QuerySelectorAll("td")[i].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var medians = page.QuerySelectorAll("[data-testid=sla-medians-table] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => (r.QuerySelectorAll("td")[0].TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent.Trim()));
        return new Sla(
            [.. bands.Select(r => r.QuerySelector("th")!.TextContent.Trim())],
            [.. bands.Select(r => Cell(r, 0))],
            [.. bands.Select(r => Cell(r, 1))],
            medians,
            int.Parse(page.QuerySelector("[data-testid=sla-expired]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed record Sla(string[] Labels, int[] Referrals, int[] Registrations, Dictionary<string, (string, string)> Medians, int Expired);
}
