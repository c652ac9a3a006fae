using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.DealWork;

/// <summary>
/// Review finding (issue 18): adding a note conflicted with any other change to the deal (the note moved the deal's
/// "Last updated", which saved the deal row under its concurrency token) and gave up after three tries. A note only
/// appends: it leaves the deal's version alone, so notes added at once and a note beside an open edit form all land.
/// </summary>
public sealed class DealNoteConcurrencyTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task A_note_moves_last_updated_and_leaves_the_deals_version_alone()
    {
        var id = await world.CoSellActiveAsync();
        var before = await DealWorkWorld.DealAsync(factory, id);
        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "Call booked for Tuesday."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await DealWorkWorld.DealAsync(factory, id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, after.UpdatedAt);
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.DealNotes.IgnoreQueryFilters().CountAsync(n => n.DealId == id && n.Text == "Call booked for Tuesday."));
    }

    [Fact]
    public async Task An_edit_form_opened_before_a_note_was_added_still_saves()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var (page, fields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Value", "61000"));
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "Vendor note while the partner edits."))).StatusCode);

        var response = await admin.PostWithTokenAsync(page, $"/deals/{id}/edit", fields);

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(61_000m, (await DealWorkWorld.DealAsync(factory, id)).Value);
    }

    [Fact]
    public async Task Notes_added_at_the_same_time_by_several_people_all_land()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var writers = new[] { admin, programme, reviewer };

        var responses = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => writers[i % writers.Length].PostAsync($"/deals/{id}/notes", ("NoteInput.Text", $"Concurrent note {i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = factory.NewDbContext();
        Assert.Equal(12, await db.DealNotes.IgnoreQueryFilters().CountAsync(n => n.DealId == id && n.Text.StartsWith("Concurrent note ")));
    }
}
