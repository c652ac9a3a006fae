using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Lifecycle;

/// <summary>Accept and Decline (SPEC 3): only the receiving side, only while New and before the review due date.</summary>
public sealed class LifecycleDecisionTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Accept_by_reviewer_on_new_co_sell_referral_makes_it_active_with_one_activity_entry()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/accept");

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Accepted && a.ActorName == "Rita Moreno");
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.AdventureWorksAdmin)]
    public async Task Accept_of_co_sell_referral_by_anyone_but_the_vendor_is_refused_and_changes_nothing(string email)
    {
        var id = await world.CoSellNewAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/accept");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Accept_after_the_review_due_date_is_refused_with_the_reason()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddDays(-15));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/accept");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The review window has passed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Deal_page_after_the_review_due_date_offers_no_accept_or_decline_even_before_expiry_runs()
    {
        var id = await world.CoSellNewAsync(createdAt: world.Now.AddDays(-14).AddMinutes(-1));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await reviewer.GetPageAsync($"/deals/{id}");

        var actions = page.QuerySelector("[data-testid=deal-actions]")!;
        Assert.DoesNotContain(actions.QuerySelectorAll("button, a"), e => e.TextContent.Trim().StartsWith("Accept", StringComparison.Ordinal) || e.TextContent.Trim().StartsWith("Decline", StringComparison.Ordinal));
        Assert.NotNull(actions.QuerySelector("[data-testid=review-window-passed]"));
    }

    [Fact]
    public async Task Deal_page_for_reviewer_on_new_co_sell_referral_offers_accept_and_decline()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await reviewer.GetPageAsync($"/deals/{id}");

        var actions = page.QuerySelector("[data-testid=deal-actions]")!;
        Assert.NotNull(actions.QuerySelector($"form[action='/deals/{id}/accept'] button"));
        Assert.NotNull(actions.QuerySelector($"a[href='/deals/{id}/decline']"));
    }

    [Fact]
    public async Task Decline_by_reviewer_with_reason_and_comment_records_both_on_deal_and_timeline()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.BudgetNotAdequate)), ("Input.Comment", "No budget this year."));

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Declined, deal.Status);
        Assert.Equal(CloseReason.BudgetNotAdequate, deal.CloseReason);
        var entry = Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Declined);
        Assert.Equal(nameof(CloseReason.BudgetNotAdequate), entry.Reason); // the log stores the reason name; the timeline shows its label
        Assert.Equal("No budget this year.", entry.Comment);
    }

    [Fact]
    public async Task Decline_without_reason_re_renders_the_form_with_a_field_message_and_changes_nothing()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", string.Empty), ("Input.Comment", "kept"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose a reason.", page.QuerySelector("[data-valmsg-for='Input.Reason']")?.TextContent.Trim());
        Assert.Equal("kept", page.QuerySelector("textarea[name='Input.Comment']")?.TextContent.Trim());
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Decline_with_an_unknown_reason_value_gives_a_field_message_not_an_error()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", "999"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Decline_form_warns_that_declining_cannot_be_undone()
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await reviewer.GetPageAsync($"/deals/{id}/decline");

        Assert.Contains("cannot be undone", page.QuerySelector("[data-testid=consequence]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(9, page.QuerySelectorAll("select[name='Input.Reason'] option").Length);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    [InlineData(DemoAccounts.AdventureWorksAdmin)]
    public async Task Decline_of_co_sell_referral_by_a_partner_is_refused(string email)
    {
        var id = await world.CoSellNewAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.Other)));

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Accept_of_inbound_referral_by_the_partner_admin_makes_it_active()
    {
        var id = await world.InboundNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/accept");

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.Reviewer)]
    [InlineData(DemoAccounts.AdventureWorksAdmin)]
    public async Task Accept_of_inbound_referral_by_anyone_but_the_partner_admin_is_refused(string email)
    {
        var id = await world.InboundNewAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/accept");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Deal_page_for_referral_user_on_inbound_referral_shows_it_without_decision_buttons()
    {
        var id = await world.InboundNewAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await sales.GetPageAsync($"/deals/{id}");

        var actions = page.QuerySelector("[data-testid=deal-actions]")!;
        Assert.Empty(actions.QuerySelectorAll("form, a"));
    }

    [Fact]
    public async Task Decline_of_inbound_referral_by_the_partner_admin_with_reason_declines_it()
    {
        var id = await world.InboundNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.NotACustomer)));

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(DealStatus.Declined, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Decline_of_inbound_referral_after_the_due_date_is_refused()
    {
        var id = await world.InboundNewAsync(createdAt: world.Now.AddDays(-20));
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.NotACustomer)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }
}
