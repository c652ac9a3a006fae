using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;

namespace ReferralPortal.BrowserTests;

/// <summary>Issue 18, defect 8: at 390 px Insights was wider than the screen; notification actions moved from row to row.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NarrowScreenTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    [InlineData(DemoAccounts.Reviewer)]
    public async Task Insights_fits_a_390_px_screen(string email)
    {
        var page = await browser.NewPageAsync(390, 844);
        await BrowserFixture.LoginAsync(page, email);

        await page.GotoAsync("/insights");
        await Assertions.Expect(page.Locator("canvas[data-chart][data-chart-ready='true']")).ToHaveCountAsync(6);

        await Screenshots.SnapAsync(page, $"insights-390-{email.Split('@')[0]}");
        var overflow = await page.EvaluateAsync<string>(
            """
            () => {
                const width = window.innerWidth;
                const wide = [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-responsive'))
                    .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
                return document.documentElement.scrollWidth > width ? `scrollWidth ${document.documentElement.scrollWidth}: ${wide.join(', ')}` : '';
            }
            """);
        Assert.True(overflow.Length == 0, $"Insights is wider than 390 px: {overflow}");
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task Notification_actions_sit_in_the_same_place_on_every_row(int width, int height)
    {
        await browser.WithDatabaseAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == DemoAccounts.ProgrammeAdmin);
            var deals = await db.Deals.IgnoreQueryFilters().Where(d => d.DealType == DealType.CoSell).OrderBy(d => d.Id).Select(d => new { d.Id, d.Name }).Take(4).ToListAsync();
            var now = DateTime.UtcNow;
            var messages = new[] { NotificationMessage.NewCoSellReferral, NotificationMessage.Accepted, NotificationMessage.NoteAdded, NotificationMessage.RegistrationSubmitted };
            for (var i = 0; i < deals.Count; i++)
            {
                var facts = new NotificationArguments(Deal.FormatReferralId(deals[i].Id), deals[i].Name + new string('x', i * 15), now.AddDays(10), Author: "Nadia");
                db.Notifications.Add(new Notification(user.Id, user.OrganisationId, NotificationKind.DealDecision, deals[i].Id, messages[i], facts, now.AddMinutes(-i)));
            }

            await db.SaveChangesAsync();
            var read = await db.Notifications.Where(n => n.UserId == user.Id).OrderBy(n => n.Id).FirstAsync();
            read.MarkRead(now);
            await db.SaveChangesAsync();
        });
        var page = await browser.NewPageAsync(width, height);
        await BrowserFixture.LoginAsync(page, DemoAccounts.ProgrammeAdmin);

        await page.GotoAsync("/notifications");

        await Screenshots.SnapAsync(page, $"notifications-{width}");
        var open = await LeftEdgesAsync(page.GetByRole(AriaRole.Button, new() { Name = "Open referral" }));
        var markRead = await LeftEdgesAsync(page.GetByRole(AriaRole.Button, new() { Name = "Mark read", Exact = true }));
        Assert.True(open.Count >= 4 && markRead.Count >= 3, $"Expected the arranged rows, found {open.Count} and {markRead.Count} buttons.");
        Assert.Single(open.Distinct());
        Assert.Single(markRead.Distinct());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Notifications scrolls sideways.");
    }

    private static async Task<List<int>> LeftEdgesAsync(ILocator buttons)
    {
        var edges = new List<int>();
        for (var i = 0; i < await buttons.CountAsync(); i++)
        {
            var box = await buttons.Nth(i).BoundingBoxAsync();
            edges.Add((int)Math.Round(box!.X));
        }

        return edges;
    }
}
