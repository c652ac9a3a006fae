using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>Issue 18, defect 10: a referral user cannot decide or create deals, and the workspace must not suggest otherwise.</summary>
public sealed class ReferralUserWorkspaceTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Referral_users_inbound_tab_claims_nothing_awaits_their_decision_while_their_admin_sees_the_badge()
    {
        await world.InboundNewAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var salesTab = await sales.GetPageAsync("/referrals/inbound");
        var adminTab = await admin.GetPageAsync("/referrals/inbound");

        Assert.DoesNotContain("awaiting your decision", salesTab.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(salesTab.QuerySelector("[data-testid=awaiting-inbound]"));
        Assert.NotNull(adminTab.QuerySelector("[data-testid=awaiting-inbound]"));
    }

    [Fact]
    public async Task Referral_user_is_told_once_that_their_role_is_missing_and_which_admins_can_create_deals()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var tab = await sales.GetPageAsync("/referrals/outbound");

        var toolbar = tab.QuerySelector("[data-testid=new-deal-toolbar]")!;
        Assert.NotNull(toolbar.QuerySelector("button[disabled]"));
        Assert.Null(toolbar.QuerySelector("a[href='/solutions']"));
        Assert.DoesNotContain("published solution", toolbar.TextContent, StringComparison.Ordinal);
        var note = toolbar.QuerySelector("[data-testid=new-deal-role-note]")!;
        Assert.Equal(1, CountOf(tab.Body!.TextContent, "Only referral admins can create deals."));
        Assert.NotNull(note.QuerySelector($"a[href='mailto:{DemoAccounts.NorthwindAdmin}']"));
    }

    [Fact]
    public async Task Admin_without_a_co_sell_ready_solution_still_gets_the_link_to_solutions()
    {
        using var fabrikam = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);

        var tab = await fabrikam.GetPageAsync("/referrals/outbound");

        Assert.NotNull(tab.QuerySelector("[data-testid=new-deal-toolbar] a[href='/solutions']"));
        Assert.Null(tab.QuerySelector("[data-testid=new-deal-role-note]"));
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
