using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.DealWork;

/// <summary>The Deal team section, team notifications, "Assigned to me" and sales stage moves over HTTP.</summary>
public sealed class DealTeamAndStageTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Add_member_puts_the_sales_user_on_the_deal_team_section()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);

        var team = (await admin.GetPageAsync($"/deals/{id}")).QuerySelector("[data-testid=deal-team]")!.TextContent;
        Assert.Contains("Samuel Reis", team, StringComparison.Ordinal);
        Assert.Contains("Nadia Costa", team, StringComparison.Ordinal);
        Assert.Contains("added Samuel Reis to the deal team.", (await admin.GetPageAsync($"/deals/{id}")).QuerySelector(".timeline")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_member_of_another_organisation_is_refused()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var outsider = await DealWorkWorld.UserIdAsync(factory, DemoAccounts.AdventureWorksAdmin);

        var response = await admin.PostAsync($"/deals/{id}/team/add", ("userId", outsider));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain((await DealWorkWorld.DealAsync(factory, id)).Team, m => m.UserId == outsider);
    }

    [Fact]
    public async Task Team_changes_by_a_referral_user_are_refused()
    {
        var id = await world.CoSellActiveAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var self = await DealWorkWorld.UserIdAsync(factory, DemoAccounts.NorthwindSales);

        LifecycleHttp.AssertRefused(await sales.PostAsync($"/deals/{id}/team/add", ("userId", self)));
        Assert.DoesNotContain((await DealWorkWorld.DealAsync(factory, id)).Team, m => m.UserId == self);
    }

    [Fact]
    public async Task Decision_notifies_team_members_and_never_the_actor()
    {
        var id = await world.CoSellNewAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/accept"), id);

        Assert.Equal([DemoAccounts.NorthwindAdmin, DemoAccounts.NorthwindSales], await DealWorkWorld.NotifiedAsync(factory, id));
    }

    [Fact]
    public async Task Win_by_the_admin_notifies_the_sales_user_on_the_team_but_not_the_admin()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/won"), id);

        Assert.Equal([DemoAccounts.NorthwindSales], await DealWorkWorld.NotifiedAsync(factory, id));
    }

    [Fact]
    public async Task Note_by_a_team_member_notifies_the_owner_admins_and_the_vendor_of_a_co_sell_deal_but_not_its_author()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await sales.PostFormAsync($"/deals/{id}", $"/deals/{id}/notes", [new("NoteInput.Text", "Customer call on Friday")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([DemoAccounts.NorthwindAdmin, DemoAccounts.ProgrammeAdmin, DemoAccounts.Reviewer], await DealWorkWorld.NotifiedAsync(factory, id));
        var bell = await admin.GetPageAsync("/notifications");
        Assert.Contains("new note from Samuel Reis", bell.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_taken_off_the_team_no_longer_hears_of_the_deal()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);
        var sales = await DealWorkWorld.UserIdAsync(factory, DemoAccounts.NorthwindSales);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/team/remove", ("userId", sales)), id);

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/won"), id);

        Assert.Empty(await DealWorkWorld.NotifiedAsync(factory, id));
    }

    [Fact]
    public async Task Assigned_to_me_keeps_only_the_deals_whose_team_includes_the_user()
    {
        var mine = await world.CoSellActiveAsync();
        var others = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, mine, DemoAccounts.NorthwindSales);
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var ids = await WorkspaceTestData.AllReferralIdsAsync(sales, "/referrals/outbound?assigned=me");

        Assert.Contains(Deal.FormatReferralId(mine), ids);
        Assert.DoesNotContain(Deal.FormatReferralId(others), ids);
        Assert.Empty(await WorkspaceTestData.AllReferralIdsAsync(sales, "/referrals/inbound?assigned=me"));
        Assert.NotNull((await sales.GetPageAsync("/referrals/favorites?assigned=me")).QuerySelector("input#filter-assigned[checked]"));
    }

    [Fact]
    public async Task Stage_move_by_a_team_member_is_applied_and_shown_in_the_workspace_and_export()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        LifecycleHttp.AssertApplied(await sales.PostAsync($"/deals/{id}/stage", ("stage", nameof(SalesStage.Proposed))), id);

        Assert.Equal(SalesStage.Proposed, (await DealWorkWorld.DealAsync(factory, id)).Stage);
        Assert.Contains(Deal.FormatReferralId(id), await WorkspaceTestData.AllReferralIdsAsync(sales, "/referrals/outbound?stage=Proposed"));
        Assert.DoesNotContain(Deal.FormatReferralId(id), await WorkspaceTestData.AllReferralIdsAsync(sales, "/referrals/outbound?stage=Accepted"));
        var csv = await (await sales.GetAsync("/referrals/outbound/export?stage=Proposed")).Content.ReadAsStringAsync();
        Assert.Contains("Sales stage", csv.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(csv.Split('\n'), line => line.StartsWith(Deal.FormatReferralId(id), StringComparison.Ordinal) && line.Contains(",Proposed,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stage_filter_shows_active_deals_at_the_stage_and_drops_one_closed_as_lost_there()
    {
        var kept = await world.CoSellActiveAsync();
        var lost = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        foreach (var id in new[] { kept, lost })
        {
            LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/stage", ("stage", nameof(SalesStage.Qualified))), id);
        }

        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{lost}/lost", ("Input.Reason", nameof(CloseReason.ChoseAnotherVendor))), lost);

        // The lost deal keeps its last stage on the deal page; the filter means "Active or Won at this stage".
        Assert.Equal(SalesStage.Qualified, (await DealWorkWorld.DealAsync(factory, lost)).Stage);
        var ids = await WorkspaceTestData.AllReferralIdsAsync(admin, "/referrals/outbound?stage=Qualified");
        Assert.Contains(Deal.FormatReferralId(kept), ids);
        Assert.DoesNotContain(Deal.FormatReferralId(lost), ids);
        Assert.Contains(Deal.FormatReferralId(lost), await WorkspaceTestData.AllReferralIdsAsync(admin, "/referrals/outbound?status=Lost"));
    }

    [Fact]
    public async Task Stage_move_two_back_is_refused_and_a_sales_user_off_the_team_cannot_move()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/stage", ("stage", nameof(SalesStage.Proposed))), id);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/deals/{id}/stage", ("stage", nameof(SalesStage.Qualified)))).StatusCode);
        LifecycleHttp.AssertRefused(await sales.PostAsync($"/deals/{id}/stage", ("stage", nameof(SalesStage.Negotiated))));
        Assert.Equal(SalesStage.Proposed, (await DealWorkWorld.DealAsync(factory, id)).Stage);
    }
}
