using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>Who hears of what: the other side and the owner's admins, never the person who acted; the bell and the list.</summary>
public sealed class NotificationTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Decline_by_reviewer_notifies_the_owner_admin_only_and_queues_an_email()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.NotACustomer))), id);

        Assert.Equal([DemoAccounts.NorthwindAdmin], await RecipientsAsync(id));
        await using var db = factory.NewDbContext();
        var mail = Assert.Single(await db.EmailOutbox.Where(m => m.Body.Contains($"/deals/{id}")).ToListAsync());
        Assert.Equal(DemoAccounts.NorthwindAdmin, mail.To);
    }

    [Fact]
    public async Task Upgrade_to_co_sell_notifies_the_vendor_reviewers_but_not_the_admin_who_upgraded()
    {
        var id = await world.PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/upgrade"), id);

        Assert.Equal([DemoAccounts.ProgrammeAdmin, DemoAccounts.Reviewer], await RecipientsAsync(id, NotificationKind.NewCoSellReferral));
    }

    [Fact]
    public async Task Accept_of_inbound_referral_notifies_the_reviewer_who_sent_it()
    {
        var id = await world.InboundNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/accept"), id);

        Assert.Equal([DemoAccounts.Reviewer], await RecipientsAsync(id, NotificationKind.DealDecision));
    }

    [Fact]
    public async Task Registration_approval_notifies_the_owner_admin_with_a_registration_decision()
    {
        var id = await world.RegistrationSubmittedAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/registration/approve"), id);

        Assert.Equal([DemoAccounts.NorthwindAdmin], await RecipientsAsync(id, NotificationKind.RegistrationDecision));
    }

    [Fact]
    public async Task Mark_won_by_the_admin_who_created_the_deal_notifies_nobody_on_the_partner_side()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/won"), id);

        Assert.Empty(await RecipientsAsync(id, NotificationKind.DealDecision));
    }

    [Fact]
    public async Task Bell_shows_the_unread_count_and_opening_a_notification_marks_it_read()
    {
        var id = await world.CoSellNewAsync(DemoAccounts.AdventureWorksAdmin);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.Other))), id);
        using var adam = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var list = await adam.GetPageAsync("/notifications");
        var unreadBefore = int.Parse(list.QuerySelector("[data-testid=unread-count]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
        var openForm = list.QuerySelectorAll("li").First(li => li.TextContent.Contains("was declined", StringComparison.Ordinal)).QuerySelector("form[action$='/open']")!;

        var response = await adam.PostWithTokenAsync(list, openForm.GetAttribute("action")!, []);

        Assert.Equal($"/deals/{id}", response.Headers.Location?.OriginalString);
        var after = await adam.GetPageAsync("/notifications");
        var unreadAfter = after.QuerySelector("[data-testid=unread-count]")?.TextContent ?? "0";
        Assert.Equal(unreadBefore - 1, int.Parse(unreadAfter, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Opening_another_users_notification_is_not_found()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/accept"), id);
        await using var db = factory.NewDbContext();
        var nadias = await db.Notifications.Where(n => n.DealId == id).Select(n => n.Id).SingleAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await sales.PostAsync($"/notifications/{nadias}/open");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await factory.NewDbContext().Notifications.SingleAsync(n => n.Id == nadias)).ReadAt);
    }

    [Fact]
    public async Task Registration_submitted_by_the_partner_notifies_the_vendor_reviewers_and_not_the_submitter()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/registration/submit"), id);

        Assert.Equal([DemoAccounts.ProgrammeAdmin, DemoAccounts.Reviewer], await RecipientsAsync(id, NotificationKind.RegistrationSubmitted));
        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.EmailOutbox.CountAsync(m => m.Body.Contains($"/deals/{id}") && m.Subject.StartsWith("Registration to review")));
    }

    [Fact]
    public async Task Partner_note_on_a_co_sell_deal_notifies_the_vendor_and_the_owners_admins_but_not_its_author()
    {
        var id = await world.CoSellActiveAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        Assert.Equal(HttpStatusCode.Redirect, (await sales.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "Customer asked for a demo."))).StatusCode);

        Assert.Equal([DemoAccounts.NorthwindAdmin, DemoAccounts.ProgrammeAdmin, DemoAccounts.Reviewer], await RecipientsAsync(id, NotificationKind.NoteAdded));
    }

    [Fact]
    public async Task Vendor_note_notifies_the_owners_admins_and_an_internal_one_nobody()
    {
        var id = await world.CoSellActiveAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        await reviewer.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "Kept to ourselves."), ("NoteInput.VendorInternal", "true"));
        Assert.Empty(await RecipientsAsync(id, NotificationKind.NoteAdded));
        await reviewer.PostAsync($"/deals/{id}/notes", ("NoteInput.Text", "We can help with the demo."));

        Assert.Equal([DemoAccounts.NorthwindAdmin], await RecipientsAsync(id, NotificationKind.NoteAdded));
    }

    [Fact]
    public async Task Notification_list_marks_unread_rows_without_repeating_the_word_new()
    {
        var id = await world.PrivateActiveAsync(DemoAccounts.AdventureWorksAdmin);
        using (var adam = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin))
        {
            LifecycleHttp.AssertApplied(await adam.PostAsync($"/deals/{id}/upgrade"), id);
        }

        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var list = await reviewer.GetPageAsync("/notifications");

        var row = list.QuerySelectorAll("li").First(li => li.TextContent.Contains(Domain.Deals.Deal.FormatReferralId(id), StringComparison.Ordinal));
        var words = string.Join(' ', row.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Unread New co-sell referral", words, StringComparison.Ordinal);
        Assert.DoesNotContain("New New", words, StringComparison.Ordinal);
    }

    private async Task<string[]> RecipientsAsync(int dealId, NotificationKind? kind = null)
    {
        await using var db = factory.NewDbContext();
        var userIds = await db.Notifications.Where(n => n.DealId == dealId && (kind == null || n.Kind == kind)).Select(n => n.UserId).ToListAsync();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Email!).ToListAsync();
        Assert.Equal(userIds.Count, emails.Count);
        return [.. emails.Order(StringComparer.Ordinal)];
    }
}
