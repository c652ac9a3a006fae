using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// A partner's edit of a draft solution and the programme admin's status change (Publish) each apply only to the
/// solution their page showed: a stale form changes nothing and says so, and two racing saves apply exactly one.
/// </summary>
public sealed class SolutionConcurrencyTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private const string Original = "Northwind Race Draft";
    private const string Renamed = "Northwind Race Renamed";

    [Fact]
    public async Task Publish_posted_from_a_page_shown_before_a_rename_changes_nothing_and_says_the_solution_changed()
    {
        var id = await DraftAsync();
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        using var partner = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var statusPage = await programme.GetPageAsync($"/solutions/{id}/status");
        Assert.Equal(HttpStatusCode.Redirect, (await RenameAsync(partner, id, await partner.GetPageAsync($"/solutions/{id}/edit"))).StatusCode);

        var response = await PublishAsync(programme, id, statusPage);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("This solution was changed by someone else", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Renamed, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((MarketplaceStatus.Draft, Renamed), await StateAsync(id));
    }

    [Fact]
    public async Task Rename_posted_from_a_page_shown_before_a_status_change_changes_nothing()
    {
        var id = await DraftAsync();
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        using var partner = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var editPage = await partner.GetPageAsync($"/solutions/{id}/edit");
        var statusPage = await programme.GetPageAsync($"/solutions/{id}/status");
        var ready = await programme.PostWithTokenAsync(statusPage, $"/solutions/{id}/status", [.. VersionOf(statusPage), new("Input.Marketplace", "Draft"), new("Input.CoSellReady", "true"), new("Input.RegistrationEligible", "false")]);
        Assert.Equal(HttpStatusCode.Redirect, ready.StatusCode);

        var response = await RenameAsync(partner, id, editPage);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(Original, page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal((MarketplaceStatus.Draft, Original), await StateAsync(id));
    }

    [Fact]
    public async Task Edit_and_publish_saved_from_two_contexts_at_once_apply_exactly_one()
    {
        var id = await DraftAsync();
        var world = new LifecycleWorld(factory);
        var partner = await world.ActorAsync(DemoAccounts.NorthwindAdmin);
        var programme = await world.ActorAsync(DemoAccounts.ProgrammeAdmin);
        await using var partnerDb = factory.NewDbContext();
        await using var programmeDb = factory.NewDbContext();
        var partnersCopy = await partnerDb.Solutions.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        var programmesCopy = await programmeDb.Solutions.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);

        partnersCopy.Edit(partner, Renamed, "Renamed while the programme admin was publishing.");
        programmesCopy.SetProgrammeStatus(programme, MarketplaceStatus.Published, CoSellStatus.CoSellReady, false);
        await partnerDb.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => programmeDb.SaveChangesAsync(TestContext.Current.CancellationToken));
        Assert.Equal((MarketplaceStatus.Draft, Renamed), await StateAsync(id));
    }

    [Fact]
    public async Task Edit_racing_publish_over_HTTP_never_leaves_a_published_solution_under_the_new_name()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        using var partner = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var outcomes = new List<string>();

        for (var round = 0; round < 10; round++)
        {
            var id = await DraftAsync();
            var editPage = await partner.GetPageAsync($"/solutions/{id}/edit");
            var statusPage = await programme.GetPageAsync($"/solutions/{id}/status");

            var responses = await Task.WhenAll(RenameAsync(partner, id, editPage), PublishAsync(programme, id, statusPage));

            var state = await StateAsync(id);
            outcomes.Add($"round {round}: {(int)responses[0].StatusCode}/{(int)responses[1].StatusCode} -> {state}");
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.True(state is (MarketplaceStatus.Draft, Renamed) or (MarketplaceStatus.Published, Original), string.Join("\n", outcomes));
        }
    }

    private static KeyValuePair<string, string>[] VersionOf(IHtmlDocument page) =>
        [new("version", page.QuerySelector("form[method=post] input[name=version]")?.GetAttribute("value") ?? throw new InvalidOperationException("The form carries no version."))];

    private static Task<HttpResponseMessage> RenameAsync(PortalClient partner, int id, IHtmlDocument editPage) =>
        partner.PostWithTokenAsync(editPage, $"/solutions/{id}/edit", [.. VersionOf(editPage), new("Input.Name", Renamed), new("Input.Description", "Renamed by the partner.")]);

    private static Task<HttpResponseMessage> PublishAsync(PortalClient programme, int id, IHtmlDocument statusPage) =>
        programme.PostWithTokenAsync(statusPage, $"/solutions/{id}/status", [.. VersionOf(statusPage), new("Input.Marketplace", "Published"), new("Input.CoSellReady", "true"), new("Input.RegistrationEligible", "false")]);

    /// <summary>A new Northwind draft solution named <see cref="Original"/>.</summary>
    private async Task<int> DraftAsync()
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var northwind = await db.Organisations.Where(o => o.Name == DemoAccounts.Northwind).Select(o => o.Id).SingleAsync(TestContext.Current.CancellationToken);
        var solution = new Solution(northwind, Original, "A draft the tests race on.");
        db.Solutions.Add(solution);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return solution.Id;
    }

    private async Task<(MarketplaceStatus, string)> StateAsync(int id)
    {
        await using var db = factory.NewDbContext();
        var row = await db.Solutions.IgnoreQueryFilters().Where(s => s.Id == id).Select(s => new { s.MarketplaceStatus, s.Name }).SingleAsync(TestContext.Current.CancellationToken);
        return (row.MarketplaceStatus, row.Name);
    }
}
