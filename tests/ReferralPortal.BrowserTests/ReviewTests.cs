using System.Globalization;
using Microsoft.Playwright;
using ReferralPortal.BrowserTests.Infrastructure;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.BrowserTests;

/// <summary>The review lifecycle end to end in Chromium: decisions, the timeline, notifications and closing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task Reviewer_declines_a_co_sell_referral_and_the_partners_sales_user_sees_declined_with_the_reason()
    {
        var sales = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(sales, DemoAccounts.NorthwindSales);
        await sales.GotoAsync("/referrals/outbound");
        var awaitingReview = sales.GetByRole(AriaRole.Row).Filter(new() { HasText = "days left" }).First;
        var dealUrl = await awaitingReview.GetByRole(AriaRole.Link).First.GetAttributeAsync("href");
        Assert.NotNull(dealUrl);

        var reviewer = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(reviewer, DemoAccounts.Reviewer);
        await reviewer.GotoAsync(dealUrl);
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "Decline…" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("cannot be undone")).ToBeVisibleAsync();
        await reviewer.GetByLabel("Reason").SelectOptionAsync(new SelectOptionValue { Label = "Budget not adequate" });
        await reviewer.GetByLabel("Comment").FillAsync("No budget until next fiscal year.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("Referral declined.")).ToBeVisibleAsync();

        await sales.GotoAsync(dealUrl);
        await Assertions.Expect(sales.Locator(".badge-status")).ToHaveTextAsync("Declined");
        await Assertions.Expect(sales.GetByText("Reason: Budget not adequate")).ToBeVisibleAsync();
        await Assertions.Expect(sales.GetByText("No budget until next fiscal year.", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Partner_admin_accepts_an_inbound_referral_from_the_notification_and_marks_it_won()
    {
        var name = "Browser inbound " + Guid.NewGuid().ToString("N")[..8];
        var reviewer = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(reviewer, DemoAccounts.Reviewer);
        await reviewer.GotoAsync("/referrals/sent");
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "New inbound referral" }).ClickAsync();
        await reviewer.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = DemoAccounts.Northwind });
        await reviewer.GetByLabel("Customer", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await reviewer.GetByLabel("Deal name").FillAsync(name);
        await reviewer.GetByLabel("Estimated value").FillAsync("90000");
        await reviewer.GetByLabel("Currency").SelectOptionAsync("EUR");
        await reviewer.GetByLabel("Estimated close date").FillAsync(DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Send referral" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByText("Inbound referral sent to the partner.")).ToBeVisibleAsync();

        var admin = await browser.NewPageAsync();
        await BrowserFixture.LoginAsync(admin, DemoAccounts.NorthwindAdmin);
        await admin.GetByTestId("notification-bell").ClickAsync();
        await admin.GetByRole(AriaRole.Listitem).Filter(new() { HasText = name }).GetByRole(AriaRole.Button, new() { Name = "Open referral" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Referral accepted.")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Mark won…" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("consequence")).ToContainTextAsync("cannot be undone");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Mark won" }).ClickAsync();

        await Assertions.Expect(admin.GetByText("Deal marked won.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".badge-status")).ToHaveTextAsync("Won");
        await Assertions.Expect(admin.GetByTestId("deal-actions")).ToContainTextAsync("only notes can be added");
    }
}
