using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Concurrency;

/// <summary>
/// Requests that really run at the same time on a server database (PostgreSQL takes many writers at once, where
/// SQLite queues them): every request of a test is prepared first (signed in, page read, token taken) and then all
/// are released together. Skipped, with the reason, when the run has no PostgreSQL.
/// </summary>
public sealed class ServerConcurrencyTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private const string ChangedMessage = "This deal was changed by someone else";

    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Twenty_clients_accepting_one_deal_at_once_apply_it_once_and_tell_nineteen_it_changed()
    {
        TestDatabase.SkipUnlessPostgres();
        var id = await world.CoSellNewAsync();
        var requests = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < 20; i++)
        {
            var client = await factory.LoginAsync(i % 2 == 0 ? DemoAccounts.Reviewer : DemoAccounts.ProgrammeAdmin);
            var page = await client.GetPageAsync($"/deals/{id}");
            var version = VersionOn(page, id, "accept");
            requests.Add(() => client.PostWithTokenAsync(page, $"/deals/{id}/accept", [new("version", version)]));
        }

        var responses = await AllAtOnceAsync(requests);

        LifecycleHttp.AssertApplied(Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect), id);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(19, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains(ChangedMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Accepted);
        await using var db = factory.NewDbContext();
        var decisionNotices = await db.Notifications.IgnoreQueryFilters()
            .Where(n => n.DealId == id && n.Kind == NotificationKind.DealDecision)
            .GroupBy(n => n.UserId).Select(g => g.Count()).ToListAsync();
        Assert.NotEmpty(decisionNotices);
        Assert.All(decisionNotices, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Accept_decline_notes_and_favourites_on_one_deal_at_once_each_keep_their_meaning()
    {
        TestDatabase.SkipUnlessPostgres();
        var id = await world.CoSellNewAsync();
        var requests = new List<Func<Task<HttpResponseMessage>>>();
        var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var reviewersPage = await reviewer.GetPageAsync($"/deals/{id}");
        requests.Add(() => reviewer.PostWithTokenAsync(reviewersPage, $"/deals/{id}/accept", [new("version", VersionOn(reviewersPage, id, "accept"))]));
        // The decline form is on a page of its own; the version it carries is the deal's, as on the accept form.
        var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var programmesPage = await programme.GetPageAsync($"/deals/{id}");
        requests.Add(() => programme.PostWithTokenAsync(programmesPage, $"/deals/{id}/decline",
            [new("version", VersionOn(programmesPage, id, "accept")), new("Input.Reason", nameof(CloseReason.TimelineTooShort))]));

        string[] writers = [DemoAccounts.NorthwindAdmin, DemoAccounts.NorthwindSales, DemoAccounts.Reviewer, DemoAccounts.ProgrammeAdmin];
        var notes = new List<string>();
        foreach (var (email, i) in writers.Concat(writers).Concat(writers).Select((e, i) => (e, i)))
        {
            var client = await factory.LoginAsync(email);
            var page = await client.GetPageAsync($"/deals/{id}");
            var text = $"Simultaneous note {i} by {email}";
            notes.Add(text);
            requests.Add(() => client.PostWithTokenAsync(page, $"/deals/{id}/notes", [new("NoteInput.Text", text)]));
            requests.Add(() => client.PostWithTokenAsync(page, $"/deals/{id}/favourite", [new("Favourite", "true"), new("ReturnUrl", $"/deals/{id}")]));
        }

        var responses = await AllAtOnceAsync(requests);

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"A request failed with {(int)r.StatusCode}."));
        Assert.Single(responses.Take(2), r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses.Take(2), r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.All(responses.Skip(2), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var deal = await world.DealAsync(id);
        Assert.Single(deal.Activities, a => a.Kind is ActivityKind.Accepted or ActivityKind.Declined);
        Assert.Equal(notes.Count, deal.Activities.Count(a => a.Kind == ActivityKind.NoteAdded));
        await using var db = factory.NewDbContext();
        var saved = await db.DealNotes.IgnoreQueryFilters().Where(n => n.DealId == id).Select(n => n.Text).ToListAsync();
        Assert.Equal(notes.Order(), saved.Order());
        var favourites = await db.DealFavourites.IgnoreQueryFilters().Where(f => f.DealId == id).GroupBy(f => f.UserId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(writers.Length, favourites.Count);
        Assert.All(favourites, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Ten_simultaneous_stars_by_one_user_store_one_favourite_and_ten_unstars_remove_it()
    {
        TestDatabase.SkipUnlessPostgres();
        var id = await world.CoSellNewAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var page = await sales.GetPageAsync($"/deals/{id}");
        var star = Enumerable.Range(0, 10).Select(_ => (Func<Task<HttpResponseMessage>>)(() =>
            sales.PostWithTokenAsync(page, $"/deals/{id}/favourite", [new("Favourite", "true"), new("ReturnUrl", $"/deals/{id}")])));

        var starred = await AllAtOnceAsync(star);

        Assert.All(starred, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await FavouritesAsync(id));

        var unstar = Enumerable.Range(0, 10).Select(_ => (Func<Task<HttpResponseMessage>>)(() =>
            sales.PostWithTokenAsync(page, $"/deals/{id}/favourite", [new("Favourite", "false"), new("ReturnUrl", $"/deals/{id}")])));
        var unstarred = await AllAtOnceAsync(unstar);

        Assert.All(unstarred, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(0, await FavouritesAsync(id));
    }

    private async Task<int> FavouritesAsync(int dealId)
    {
        await using var db = factory.NewDbContext();
        return await db.DealFavourites.IgnoreQueryFilters().CountAsync(f => f.DealId == dealId);
    }

    private static string VersionOn(IHtmlDocument page, int dealId, string action) =>
        page.QuerySelector($"form[action='/deals/{dealId}/{action}'] input[name=version]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"The deal page has no {action} form with a version.");

    /// <summary>Starts every request, then releases them together (each waits on one gate).</summary>
    private static async Task<HttpResponseMessage[]> AllAtOnceAsync(IEnumerable<Func<Task<HttpResponseMessage>>> requests)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(async send =>
        {
            await gate.Task;
            return await send();
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(running);
    }
}
