using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Security;

namespace ReferralPortal.Web.Tests.People;

/// <summary>The Team page's rules: own organisation only, nobody deactivates themselves, the last admin stays, audit newest first.</summary>
public sealed class TeamTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly PeopleWorld world = new(factory);

    [Fact]
    public async Task Team_page_lists_members_with_role_state_and_last_sign_in_and_pending_invitations()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var invited = PeopleWorld.NewEmail("pending");
        await PeopleWorld.InviteAsync(admin, invited, "ReferralAdmin");
        await using (var db = factory.NewDbContext())
        {
            // Other tests of this class sign the sales user in: arrange "never signed in" here, whatever ran before.
            await db.Users.Where(u => u.Email == DemoAccounts.NorthwindSales).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, (DateTime?)null));
        }

        var page = await admin.GetPageAsync("/team");

        var rows = page.QuerySelectorAll("#members-heading ~ div tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        var nadia = rows.Single(r => r[1] == DemoAccounts.NorthwindAdmin);
        Assert.Equal(["Referral admin", "Active"], nadia.Skip(2).Take(2));
        Assert.NotEqual("Never", nadia[4]);
        Assert.Equal("Never", rows.Single(r => r[1] == DemoAccounts.NorthwindSales)[4]);
        var pending = rows.Single(r => r[1] == invited);
        Assert.Equal("Referral admin", pending[2]);
        Assert.StartsWith("Invited", pending[3], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r[1] == DemoAccounts.AdventureWorksAdmin);
    }

    [Fact]
    public async Task Last_sign_in_and_recent_changes_are_local_time_elements_with_an_iso_utc_datetime()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await PeopleWorld.InviteAsync(admin, PeopleWorld.NewEmail("local-time"), "ReferralUser"); // one recent change at least

        var page = await admin.GetPageAsync("/team");

        var nadia = page.QuerySelectorAll("#members-heading ~ div tbody tr").Single(r => r.QuerySelectorAll("td")[1].TextContent.Trim() == DemoAccounts.NorthwindAdmin);
        AssertLocalTime(nadia.QuerySelectorAll("td")[4]);
        AssertLocalTime(page.QuerySelector("#changes-heading ~ div tbody tr td")!);
    }

    // Issue 18: one way to show a moment, the <local-time> tag helper (site.js turns it into the browser's time).
    private static void AssertLocalTime(AngleSharp.Dom.IElement cell)
    {
        var time = cell.QuerySelector("time[data-local-time]");
        Assert.NotNull(time);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", time.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Nobody_can_deactivate_themselves()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var self = await world.UserAsync(DemoAccounts.AdventureWorksAdmin);

        using var response = await admin.PostFormAsync("/team", $"/team/members/{self.Id}/deactivate", []);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You cannot deactivate yourself; ask another admin.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await world.UserAsync(DemoAccounts.AdventureWorksAdmin)).IsActive);
    }

    [Fact]
    public async Task The_last_active_admin_cannot_step_down_and_the_page_says_why()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);
        var self = await world.UserAsync(DemoAccounts.FabrikamAdmin);

        var page = await admin.GetPageAsync("/team");
        using var response = await admin.PostFormAsync("/team", $"/team/members/{self.Id}/role", new Dictionary<string, string> { ["role"] = "ReferralUser" });

        Assert.Contains("The only active admin: cannot be deactivated or demoted.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("An organisation keeps at least one active admin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PortalRole.ReferralAdmin, (await world.UserAsync(DemoAccounts.FabrikamAdmin)).Role);
    }

    [Fact]
    public async Task An_admin_may_step_down_while_another_admin_remains()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var (second, email) = await world.JoinAsync(admin, "ReferralAdmin", "Second Admin");
        var me = await world.UserAsync(email);

        using var response = await second.PostFormAsync("/team", $"/team/members/{me.Id}/role", new Dictionary<string, string> { ["role"] = "ReferralUser" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalRole.ReferralUser, (await world.UserAsync(email)).Role);
        second.Dispose();
    }

    [Fact]
    public async Task A_member_of_another_organisation_is_not_found_even_for_the_programme_admin()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var sales = await world.UserAsync(DemoAccounts.NorthwindSales);
        var before = await new SecurityWorld(factory).FingerprintAsync();

        using var deactivate = await programme.PostFormAsync("/team", $"/team/members/{sales.Id}/deactivate", []);
        using var role = await programme.PostFormAsync("/team", $"/team/members/{sales.Id}/role", new Dictionary<string, string> { ["role"] = "ReferralAdmin" });

        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, role.StatusCode);
        SecurityWorld.Unchanged(before, await new SecurityWorld(factory).FingerprintAsync(), "The programme admin on a partner's member");
    }

    [Fact]
    public async Task Referral_users_and_reviewers_have_no_team_page()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var nav = await sales.GetPageAsync("/referrals/outbound");

        Assert.Equal(Outcome.Forbidden, await Outcomes.ClassifyAsync(await sales.GetAsync("/team")));
        Assert.Equal(Outcome.Forbidden, await Outcomes.ClassifyAsync(await reviewer.GetAsync("/team")));
        Assert.DoesNotContain(nav.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/team");
    }

    [Fact]
    public async Task Vendor_team_offers_reviewer_and_programme_admin_and_refuses_partner_roles()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);

        var page = await programme.GetPageAsync("/team");
        using var partnerRole = await programme.PostFormAsync("/team", "/team/invite", new Dictionary<string, string> { ["Invite.Email"] = PeopleWorld.NewEmail("wrongrole"), ["Invite.Role"] = "ReferralAdmin" });
        var reviewer = PeopleWorld.NewEmail("reviewer");
        await PeopleWorld.InviteAsync(programme, reviewer, "Reviewer");

        Assert.Equal(["Reviewer", "Programme admin"], page.QuerySelectorAll("#Invite_Role option").Select(o => o.TextContent.Trim()));
        Assert.Equal(Outcome.Invalid, await Outcomes.ClassifyAsync(partnerRole));
        await using var db = factory.NewDbContext();
        var vendor = await db.Organisations.SingleAsync(o => o.Kind == OrganisationKind.Vendor);
        Assert.Equal(vendor.Id, (await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Email == reviewer)).OrganisationId);
    }

    [Fact]
    public async Task Recent_changes_lists_who_did_what_newest_first()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (member, email) = await world.JoinAsync(admin, "ReferralUser", "Audit Subject");
        member.Dispose();
        var user = await world.UserAsync(email);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var _ = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/role", new Dictionary<string, string> { ["role"] = "ReferralAdmin" });
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        using var __ = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/deactivate", []);

        var page = await admin.GetPageAsync("/team");

        var changes = page.QuerySelectorAll("#changes-heading ~ div tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Where(r => r[3].StartsWith(email, StringComparison.Ordinal)).ToList();
        Assert.Equal(["Member deactivated", "Role changed", "Member joined", "Member invited"], changes.Select(c => c[2]));
        Assert.Equal(["Nadia Costa", "Nadia Costa", "Audit Subject", "Nadia Costa"], changes.Select(c => c[1]));
        Assert.Contains("Referral user → Referral admin", changes[1][3], StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.Equal(4, await db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Subject == email));
        Assert.True(await db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Subject == email && a.Action == AuditAction.MemberDeactivated && a.ActorUserId != null));
    }
}
