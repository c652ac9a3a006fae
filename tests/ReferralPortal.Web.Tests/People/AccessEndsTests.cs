using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.People;

/// <summary>
/// Access ends at the next request: every signed-in request is checked against the database (security stamp,
/// member active, organisation not suspended), so no time has to pass and no instance keeps the old rights.
/// </summary>
public sealed class AccessEndsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly PeopleWorld world = new(factory);

    [Fact]
    public async Task A_deactivated_member_is_signed_out_at_the_next_request_and_cannot_sign_in_until_reactivated()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (member, email) = await world.JoinAsync(admin, "ReferralUser", "Leaving Soon");
        using var _ = member;
        Assert.Equal("/referrals/outbound", await PeopleWorld.LandingAsync(member, "/referrals/outbound"));
        var user = await world.UserAsync(email);

        using var deactivated = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/deactivate", []);
        var landing = await PeopleWorld.LandingAsync(member, "/referrals/outbound");
        using var again = factory.CreatePortalClient();
        using var refused = await again.LoginAsync(email, PeopleWorld.Password);

        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("/account/login", landing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The email or password is incorrect.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var reactivated = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/reactivate", []);
        using var back = factory.CreatePortalClient();
        using var signedIn = await back.LoginAsync(email, PeopleWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/referrals/outbound", await PeopleWorld.LandingAsync(back, "/referrals/outbound"));
    }

    [Fact]
    public async Task A_role_change_ends_the_old_rights_at_the_next_request()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (member, email) = await world.JoinAsync(admin, "ReferralAdmin", "Demoted Soon");
        using var _ = member;
        Assert.Equal("/team", await PeopleWorld.LandingAsync(member, "/team"));
        var user = await world.UserAsync(email);

        using var changed = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/role", new Dictionary<string, string> { ["role"] = "ReferralUser" });
        var landing = await PeopleWorld.LandingAsync(member, "/team");
        using var again = factory.CreatePortalClient();

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("/account/login", landing, StringComparison.Ordinal);
        await again.LoginAsync(email, PeopleWorld.Password);
        Assert.Equal(Security.Outcome.Forbidden, await Security.Outcomes.ClassifyAsync(await again.GetAsync("/team")));
    }

    [Fact]
    public async Task A_copied_cookie_stops_working_on_another_instance_too()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (member, email) = await world.JoinAsync(admin, "ReferralUser", "Copied Cookie");
        using var _ = member;
        var cookie = await CookieOfAsync(member);

        // A second app instance on the same database (its own server, its own memory).
        using var other = factory.WithWebHostBuilder(_ => { });
        using var otherClient = other.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        otherClient.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync("/referrals/outbound")).StatusCode);

        var user = await world.UserAsync(email);
        using var deactivated = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/deactivate", []);
        using var after = await otherClient.GetAsync("/referrals/outbound");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_partners_users_are_signed_out_and_refused_and_nothing_of_its_data_changes()
    {
        using var programme = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        using var partnerAdmin = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        int partner, deals, solutions, users;
        await using (var db = factory.NewDbContext())
        {
            partner = await db.Organisations.Where(o => o.Name == DemoAccounts.AdventureWorks).Select(o => o.Id).SingleAsync();
            deals = await db.Deals.IgnoreQueryFilters().CountAsync(d => d.OwnerOrganisationId == partner);
            solutions = await db.Solutions.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == partner);
            users = await db.Users.CountAsync(u => u.OrganisationId == partner);
        }

        using var suspended = await programme.PostFormAsync($"/partners/{partner}", $"/partners/{partner}/suspend", []);
        var landing = await PeopleWorld.LandingAsync(partnerAdmin, "/referrals/outbound");
        using var refused = await factory.CreatePortalClient().LoginAsync(DemoAccounts.AdventureWorksAdmin);

        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
        Assert.Contains("/account/login", landing, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await using (var db = factory.NewDbContext())
        {
            Assert.Equal(deals, await db.Deals.IgnoreQueryFilters().CountAsync(d => d.OwnerOrganisationId == partner));
            Assert.Equal(solutions, await db.Solutions.IgnoreQueryFilters().CountAsync(s => s.OrganisationId == partner));
            Assert.Equal(users, await db.Users.CountAsync(u => u.OrganisationId == partner && u.DeactivatedAt == null));
        }

        var list = await programme.GetPageAsync("/partners");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(DemoAccounts.AdventureWorks, StringComparison.Ordinal) && r.TextContent.Contains("Suspended", StringComparison.Ordinal));

        using var reactivated = await programme.PostFormAsync($"/partners/{partner}", $"/partners/{partner}/reactivate", []);
        using var back = factory.CreatePortalClient();
        using var signedIn = await back.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task<string> CookieOfAsync(PortalClient client)
    {
        // The test client's cookie handler writes the Cookie header onto the request it sends.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/referrals/outbound");
        using var response = await client.Http.SendAsync(request);
        return string.Join("; ", request.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }
}
