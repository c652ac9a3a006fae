using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Lifecycle;

/// <summary>The owner's admin closes (Won, Lost, Closed as error), upgrades and registers; reviewers decide registrations.</summary>
public sealed class LifecycleOwnerTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Mark_won_by_owner_admin_on_active_deal_closes_it_as_won()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/won");

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Won, deal.Status);
        Assert.Single(deal.Activities, a => a.Kind == ActivityKind.Won);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.Reviewer)]
    [InlineData(DemoAccounts.AdventureWorksAdmin)]
    public async Task Mark_won_by_anyone_but_the_owner_admin_is_refused(string email)
    {
        var id = await world.CoSellActiveAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/won");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Mark_won_on_a_new_referral_is_refused()
    {
        var id = await world.CoSellNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/won");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(DealStatus.New, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Mark_won_confirmation_page_warns_that_it_cannot_be_undone()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await admin.GetPageAsync($"/deals/{id}/won");

        Assert.Contains("cannot be undone", page.QuerySelector("[data-testid=consequence]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mark_lost_with_reason_closes_the_deal_as_lost_with_that_reason()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/lost", ("Input.Reason", nameof(CloseReason.ChoseAnotherVendor)));

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Lost, deal.Status);
        Assert.Equal(CloseReason.ChoseAnotherVendor, deal.CloseReason);
    }

    [Fact]
    public async Task Mark_lost_without_reason_gives_a_field_message_and_keeps_the_deal_active()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/lost", ("Input.Comment", "no reason"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a reason.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Close_as_error_with_reason_other_and_no_note_gives_a_field_message()
    {
        var id = await world.PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/close-as-error", ("Input.Reason", nameof(ErrorReason.Other)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Explain the error in a note", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Close_as_error_on_a_new_referral_by_owner_admin_closes_it()
    {
        var id = await world.CoSellNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/close-as-error", ("Input.Reason", nameof(ErrorReason.Duplicate)));

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(DealStatus.ClosedAsError, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Close_as_error_by_reviewer_is_refused()
    {
        var id = await world.CoSellActiveAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/close-as-error", ("Input.Reason", nameof(ErrorReason.Duplicate)));

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }

    [Fact]
    public async Task Deal_page_of_a_terminal_deal_offers_no_lifecycle_actions()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/won"), id);

        var page = await admin.GetPageAsync($"/deals/{id}");

        var actions = page.QuerySelector("[data-testid=deal-actions]")!;
        Assert.Empty(actions.QuerySelectorAll("form, a"));
        Assert.Contains("only notes can be added", actions.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_of_a_private_deal_makes_it_a_new_co_sell_referral_with_a_fresh_window()
    {
        var id = await world.PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var confirm = await admin.GetPageAsync($"/deals/{id}/upgrade");
        Assert.Contains("14-day review window", confirm.QuerySelector("[data-testid=consequence]")!.TextContent, StringComparison.Ordinal);

        var response = await admin.PostWithTokenAsync(confirm, $"/deals/{id}/upgrade", []);

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal((DealType.CoSell, DealStatus.New), (deal.DealType, deal.Status));
        Assert.Equal(world.Now.AddDays(14), deal.ReviewDueAt);
        Assert.Equal(RegistrationStatus.NotRegistered, deal.RegistrationStatus);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.AdventureWorksAdmin)]
    public async Task Upgrade_by_anyone_but_the_owner_admin_is_refused(string email)
    {
        var id = await world.PrivateActiveAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/upgrade");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(DealType.Private, (await world.DealAsync(id)).DealType);
    }

    [Fact]
    public async Task Submit_registration_of_eligible_active_co_sell_deal_marks_it_submitted()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/registration/submit");

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(RegistrationStatus.Submitted, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Submit_registration_of_a_private_deal_is_refused_and_not_offered()
    {
        var id = await world.PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var page = await admin.GetPageAsync($"/deals/{id}");
        Assert.Null(page.QuerySelector($"form[action='/deals/{id}/registration/submit']"));

        var response = await admin.PostAsync($"/deals/{id}/registration/submit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RegistrationStatus.NotEligible, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Submit_registration_of_an_ineligible_co_sell_deal_is_refused()
    {
        var id = await world.CoSellActiveAsync(eligible: false);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.PostAsync($"/deals/{id}/registration/submit");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(RegistrationStatus.NotEligible, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Submit_registration_by_referral_user_is_refused()
    {
        var id = await world.CoSellActiveAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await sales.PostAsync($"/deals/{id}/registration/submit");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(RegistrationStatus.NotRegistered, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Approve_registration_by_reviewer_marks_it_approved()
    {
        var id = await world.RegistrationSubmittedAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/registration/approve");

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal(RegistrationStatus.Approved, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    [InlineData(DemoAccounts.NorthwindSales)]
    public async Task Approve_registration_by_a_partner_is_refused(string email)
    {
        var id = await world.RegistrationSubmittedAsync();
        using var client = await factory.LoginAsync(email);

        var response = await client.PostAsync($"/deals/{id}/registration/approve");

        LifecycleHttp.AssertRefused(response);
        Assert.Equal(RegistrationStatus.Submitted, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Reject_registration_without_reason_gives_a_field_message()
    {
        var id = await world.RegistrationSubmittedAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/registration/reject", ("Input.Reason", "  "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give the reason for rejecting the registration.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Submitted, (await world.DealAsync(id)).RegistrationStatus);
    }

    [Fact]
    public async Task Reject_registration_with_reason_records_the_reason()
    {
        var id = await world.RegistrationSubmittedAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.PostAsync($"/deals/{id}/registration/reject", ("Input.Reason", "Registered by another partner."));

        LifecycleHttp.AssertApplied(response, id);
        var deal = await world.DealAsync(id);
        Assert.Equal(RegistrationStatus.Rejected, deal.RegistrationStatus);
        Assert.Equal("Registered by another partner.", deal.RegistrationRejectionReason);
    }
}
