using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Triage;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Triage;

/// <summary>
/// Channel conflicts through the real pipeline (issue 19): Northwind and Adventure Works bring the same customer with
/// a solution in the same area. The vendor sees Possible conflict on both; partners never see anything of it.
/// </summary>
public sealed class ChannelConflictTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);
    private readonly DealBuilder deals = new(factory);

    [Fact]
    public async Task Detect_two_partners_same_customer_same_area_marks_both_for_the_vendor()
    {
        var (northwind, adventure) = await ConflictingPairAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var list = await reviewer.GetPageAsync("/referrals/shared?conflict=possible&pageSize=100");
        var flagged = list.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("[data-testid=possible-conflict]") is not null)
            .Select(r => r.QuerySelector(".deal-name .small")!.TextContent.Trim()).ToList();

        Assert.Contains(Deal.FormatReferralId(northwind), flagged);
        Assert.Contains(Deal.FormatReferralId(adventure), flagged);
        var page = await reviewer.GetPageAsync($"/deals/{northwind}");
        Assert.NotNull(page.QuerySelector("[data-testid=possible-conflict]"));
        var side = await reviewer.GetPageAsync($"/deals/{northwind}/conflicts");
        var pair = Assert.Single(side.QuerySelectorAll("[data-testid=conflict-pair]"));
        Assert.Contains(DemoAccounts.AdventureWorks, pair.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Northwind, pair.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partners_never_see_conflicts_or_the_other_partners_deal_in_any_page_filter_count_or_export()
    {
        var (northwind, adventure) = await ConflictingPairAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        int adventureOrg;
        await using (var db = factory.NewDbContext())
        {
            adventureOrg = await db.Organisations.Where(o => o.Name == DemoAccounts.AdventureWorks).Select(o => o.Id).SingleAsync();
        }

        var plain = await admin.GetPageAsync("/referrals/outbound?pageSize=100");
        var probing = await admin.GetPageAsync($"/referrals/outbound?pageSize=100&conflict=possible&partner={adventureOrg}&assigned=unassigned");
        var dealPage = await admin.GetPageAsync($"/deals/{northwind}");
        var export = await (await admin.GetAsync($"/referrals/outbound/export?conflict=possible&partner={adventureOrg}")).Content.ReadAsStringAsync();

        foreach (var html in new[] { plain.DocumentElement.OuterHtml, probing.DocumentElement.OuterHtml, dealPage.DocumentElement.OuterHtml })
        {
            Assert.DoesNotContain("Possible conflict", html, StringComparison.Ordinal);
            Assert.DoesNotContain(Deal.FormatReferralId(adventure), html, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoAccounts.AdventureWorks, html, StringComparison.Ordinal);
        }

        Assert.Null(plain.QuerySelector("#filter-conflict"));
        Assert.Null(plain.QuerySelector("#filter-partner"));
        Assert.Equal(plain.QuerySelector("[data-testid=result-range]")!.TextContent, probing.QuerySelector("[data-testid=result-range]")!.TextContent);
        Assert.DoesNotContain(Deal.FormatReferralId(adventure), export, StringComparison.Ordinal);
        Assert.DoesNotContain("Partner", export.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/deals/{adventure}")).StatusCode);
        var conflicts = await admin.GetAsync($"/deals/{northwind}/conflicts");
        Assert.NotEqual(HttpStatusCode.OK, conflicts.StatusCode);
        Assert.DoesNotContain(Deal.FormatReferralId(adventure), await conflicts.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAConflict_with_a_note_clears_the_badge_for_that_pair()
    {
        var (northwind, adventure) = await ConflictingPairAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var side = await reviewer.GetPageAsync($"/deals/{northwind}/conflicts");
        var form = side.QuerySelector("[data-testid=conflict-pair] form")!;

        var response = await reviewer.PostWithTokenAsync(side, form.GetAttribute("action")!,
        [
            new("conflictId", form.QuerySelector("input[name=conflictId]")!.GetAttribute("value")!),
            new("version", form.QuerySelector("input[name=version]")!.GetAttribute("value")!),
            new("note", "Different subsidiaries, different buyers."),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await reviewer.GetPageAsync($"/deals/{adventure}")).QuerySelector("[data-testid=possible-conflict]"));
        await using var db = factory.NewDbContext();
        var pair = await db.DealConflicts.SingleAsync(c => c.LowDealId == Math.Min(northwind, adventure) && c.HighDealId == Math.Max(northwind, adventure));
        Assert.Equal("Different subsidiaries, different buyers.", pair.Note);
    }

    [Fact]
    public async Task ApproveRegistration_while_another_partner_holds_an_approved_one_is_refused_with_the_reason()
    {
        var (northwind, adventure) = await ConflictingPairAsync(submitted: true);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var first = await reviewer.PostAsync($"/deals/{northwind}/registration/approve");
        var second = await reviewer.PostAsync($"/deals/{adventure}/registration/approve");

        LifecycleHttp.AssertApplied(first, northwind);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Contains("Another partner holds an approved registration", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Submitted, (await world.DealAsync(adventure)).RegistrationStatus);
    }

    [Fact]
    public async Task Side_by_side_page_has_no_stray_marker_and_shows_moments_as_the_deal_page_does()
    {
        var (northwind, _) = await ConflictingPairAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var side = await reviewer.GetPageAsync($"/deals/{northwind}/conflicts");
        var dealPage = await reviewer.GetPageAsync($"/deals/{northwind}");

        var main = side.QuerySelector("main")!;
        Assert.Empty(main.QuerySelectorAll("[style]")); // the CSP ignores inline styles: what they hide shows
        Assert.DoesNotContain(main.QuerySelectorAll("li"), li => li.TextContent.Trim().Length == 0 && li.Closest("[hidden]") is null);
        Assert.Null(main.QuerySelector(".validation-summary-valid"));
        var created = side.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Created").QuerySelectorAll("td")[0];
        var shownOnDealPage = dealPage.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Created").NextElementSibling!;
        Assert.Equal(shownOnDealPage.QuerySelector("time")!.OuterHtml, created.QuerySelector("time")!.OuterHtml);
    }

    /// <summary>
    /// A Northwind deal for a directory customer and an Adventure Works deal for a manually added twin of it (accents,
    /// punctuation and legal form differ), both with a Data and AI solution, detected. Each test has its own customer.
    /// </summary>
    private async Task<(int Northwind, int Adventure)> ConflictingPairAsync(bool submitted = false)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var northwind = await CreateAsync(DemoAccounts.NorthwindAdmin, $"Lisboa Logística {tag} SA", inDirectory: true, submitted);
        var adventure = await CreateAsync(DemoAccounts.AdventureWorksAdmin, $"Lisboa Logistica {tag}, S.A.", inDirectory: false, submitted);
        await using var scope = factory.Services.CreateAsyncScope();
        var detector = scope.ServiceProvider.GetRequiredService<ChannelConflicts>();
        await detector.DetectAsync(northwind, CancellationToken.None);
        await detector.DetectAsync(adventure, CancellationToken.None);
        return (northwind, adventure);
    }

    // A co-sell deal with one registration-eligible solution in Data and AI; submitted: accepted and its registration submitted.
    private Task<int> CreateAsync(string ownerAdmin, string customer, bool inDirectory, bool submitted)
    {
        var setup = new DealSetup("Conflict test opportunity", customer, Value: 80_000m, Notes: null, CustomerInDirectory: inDirectory, SolutionArea: SolutionAreas.DataAndAi);
        return deals.OutboundAsync(ownerAdmin, setup: setup, then: submitted ? Submit : null);
    }

    private static void Submit(Deal deal, Actor admin, Actor reviewer, DateTime at)
    {
        deal.Accept(reviewer, at);
        deal.SubmitRegistration(admin, at);
    }
}
