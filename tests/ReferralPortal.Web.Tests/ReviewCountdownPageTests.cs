using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, defects 4, 12 and 21 as pages show them: one countdown (whole days rounded down, "due today", "overdue")
/// in the list, on the deal page and in reminders; no review due once decided; machine-readable times.
/// </summary>
public sealed partial class ReviewCountdownPageTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Deal_due_in_about_28_hours_shows_1_day_left_in_the_list_and_on_the_deal_page()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now - world.ReviewWindow + TimeSpan.FromHours(28));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var deal = await reviewer.GetPageAsync($"/deals/{id}");
        var list = await reviewer.GetPageAsync($"/referrals/shared?q={Deal.FormatReferralId(id)}");

        Assert.Equal("Review 1 day left", deal.QuerySelector("[data-testid=review-countdown]")!.TextContent.Trim());
        Assert.Contains("1 day left", RowOf(list, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deal_past_its_due_time_and_not_yet_expired_shows_overdue_not_due_today()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now - world.ReviewWindow - TimeSpan.FromMinutes(30));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var deal = await reviewer.GetPageAsync($"/deals/{id}");
        var list = await reviewer.GetPageAsync($"/referrals/shared?q={Deal.FormatReferralId(id)}");

        Assert.Equal("Review overdue", deal.QuerySelector("[data-testid=review-countdown]")!.TextContent.Trim());
        Assert.Contains("overdue", RowOf(list, id), StringComparison.Ordinal);
        Assert.DoesNotContain("due today", RowOf(list, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_sent_with_2_days_and_20_hours_left_says_2_days_left_in_app_and_by_mail()
    {
        var id = await world.InboundNewAsync(createdAt: world.Now - world.ReviewWindow + TimeSpan.FromHours(68));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None);
        }

        await using var db = factory.NewDbContext();
        var reminder = await db.Notifications.FirstAsync(n => n.DealId == id && n.Kind == NotificationKind.ReviewReminder);
        Assert.Contains("review 2 days left", NotificationTexts.Render(reminder.Message, reminder.Arguments, reminder.Text, reminder.CreatedAt), StringComparison.Ordinal);
        var mail = await db.EmailOutbox.FirstAsync(m => m.Body.Contains($"/deals/{id}"));
        Assert.Contains("review 2 days left", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decided_deal_shows_no_review_due_on_its_page_or_in_the_list()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var deal = await admin.GetPageAsync($"/deals/{id}");
        var list = await admin.GetPageAsync($"/referrals/outbound?q={Deal.FormatReferralId(id)}");

        Assert.DoesNotContain(deal.QuerySelectorAll("dt"), dt => dt.TextContent.Trim() == "Review due");
        Assert.Null(deal.QuerySelector("[data-testid=review-countdown]"));
        var dueCell = list.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector($"a[href='/deals/{id}']") is not null).QuerySelector("td[data-label='Review due']")!;
        Assert.Equal("—", dueCell.TextContent.Trim());
    }

    [Fact]
    public async Task Deal_page_times_are_iso_8601_utc_with_at_most_milliseconds_and_name_their_zone()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddTicks(1234567));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        await reviewer.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "A note with a time."));

        var deal = await reviewer.GetPageAsync($"/deals/{id}");

        var times = deal.QuerySelectorAll("time").ToList();
        Assert.True(times.Count >= 4, $"Expected the created, updated, note and activity times, found {times.Count}.");
        Assert.All(times, t => Assert.Matches(IsoUtc(), t.GetAttribute("datetime") ?? string.Empty));
        Assert.All(times, t => Assert.EndsWith(" UTC", t.TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Close_as_error_warning_does_not_say_closes_as_closed_as_error()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var deal = await admin.GetPageAsync($"/deals/{id}/close-as-error");

        Assert.DoesNotContain("closes as Closed as error", deal.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The deal is closed as an error and leaves the pipeline.", deal.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string RowOf(AngleSharp.Html.Dom.IHtmlDocument list, int id) =>
        list.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector($"a[href='/deals/{id}']") is not null).TextContent;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$", RegexOptions.None, 1000)]
    private static partial Regex IsoUtc();
}
