using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>The review-window sweep: expiry exactly once and the 3-days-left reminder, even with two instances at once.</summary>
public sealed class ExpiryTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Two_sweeps_in_parallel_expire_each_overdue_deal_once_with_one_activity_entry()
    {
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(i % 2 == 0
                ? await world.CoSellNewAsync(createdAt: world.Now.AddDays(-15).AddHours(-i))
                : await world.InboundNewAsync(createdAt: world.Now.AddDays(-15).AddHours(-i)));
        }

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var results = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None),
            second.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None));

        foreach (var id in ids)
        {
            var deal = await world.DealAsync(id);
            Assert.Equal(DealStatus.Expired, deal.Status);
            Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Expired && a.ActorUserId == null);
        }

        Assert.True(results.Sum(r => r.Expired) >= ids.Count);
        await using var db = factory.NewDbContext();
        Assert.Equal(ids.Count, await db.DealActivities.CountAsync(a => ids.Contains(a.DealId) && a.Kind == ActivityKind.Expired));
    }

    [Fact]
    public async Task Sweep_leaves_a_referral_inside_its_window_new()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddDays(-13));
        await using var scope = factory.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None);

        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Expiry_notifies_the_owner_admins_of_the_expired_referral()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddDays(-16));
        var admin = await world.ActorAsync(DemoAccounts.NorthwindAdmin);
        await using var scope = factory.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None);

        await using var db = factory.NewDbContext();
        Assert.Single(await db.Notifications.Where(n => n.DealId == id && n.UserId == admin.UserId && n.Kind == NotificationKind.DealDecision).ToListAsync());
    }

    [Fact]
    public async Task Two_sweeps_in_parallel_send_the_three_days_left_reminder_once_to_the_reviewers_and_the_deal_team()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddDays(-11.5));
        var reviewer = await world.ActorAsync(DemoAccounts.Reviewer);
        var programme = await world.ActorAsync(DemoAccounts.ProgrammeAdmin);
        var creator = await world.ActorAsync(DemoAccounts.NorthwindAdmin);

        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None),
            second.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None));

        await using var db = factory.NewDbContext();
        var reminders = await db.Notifications.Where(n => n.DealId == id && n.Kind == NotificationKind.ReviewReminder).ToListAsync();
        Assert.Equal(new[] { programme.UserId, reviewer.UserId, creator.UserId }.Order(StringComparer.Ordinal), reminders.Select(n => n.UserId).Order(StringComparer.Ordinal));
        Assert.NotNull((await world.DealAsync(id)).ReviewReminderSentAt);
    }

    [Fact]
    public async Task Reminder_does_not_change_the_deal_version_so_a_decision_in_flight_still_succeeds()
    {
        var id = await world.InboundNewAsync(createdAt: world.Now.AddDays(-12));
        var before = (await world.DealAsync(id)).Version;
        await using var scope = factory.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(CancellationToken.None);

        var deal = await world.DealAsync(id);
        Assert.NotNull(deal.ReviewReminderSentAt);
        Assert.Equal(before, deal.Version);
    }

    [Fact]
    public async Task Accept_after_the_fake_clock_passes_the_due_date_is_refused_before_the_job_runs()
    {
        var id = await world.CoSellNewAsync();
        factory.Clock.Advance(world.ReviewWindow + TimeSpan.FromMinutes(1));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var page = await reviewer.GetPageAsync($"/deals/{id}");
        Assert.Null(page.QuerySelector($"form[action='/deals/{id}/accept']"));

        var response = await reviewer.PostAsync($"/deals/{id}/accept");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }
}
