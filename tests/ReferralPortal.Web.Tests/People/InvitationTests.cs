using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Security;

namespace ReferralPortal.Web.Tests.People;

/// <summary>Invitations: single-use links stored as a hash, sent through the outbox, accepted on their own page.</summary>
public sealed class InvitationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly PeopleWorld world = new(factory);

    [Fact]
    public async Task Invited_person_accepts_the_link_and_is_signed_in_as_a_member_with_the_role()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("joiner");
        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        using var person = factory.CreatePortalClient();

        var page = await person.GetPageAsync(PeopleWorld.PathOf(link));
        using var accepted = await PeopleWorld.AcceptAsync(person, link, "Joana Silva");

        Assert.Contains("Northwind Traders", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Referral user", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Display name", "Password", "Confirm password"], page.QuerySelectorAll("main label").Select(l => l.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var outbound = await person.GetPageAsync("/referrals/outbound");
        Assert.Equal("Joana Silva · Northwind Traders", outbound.QuerySelector("[data-testid=whoami]")?.TextContent.Trim());
        var user = await world.UserAsync(email);
        Assert.Equal(PortalRole.ReferralUser, user.Role);
        Assert.NotNull(user.LastSignInAt);
    }

    [Fact]
    public async Task The_link_is_stored_only_as_its_hash_and_goes_out_through_the_outbox_valid_for_seven_days()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("hashed");

        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralAdmin");

        var token = PeopleWorld.TokenOf(link);
        await using var db = factory.NewDbContext();
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Email == email);
        Assert.Equal(InvitationTokens.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);
        var mail = await db.EmailOutbox.SingleAsync(m => m.To == email);
        Assert.Contains(link, mail.Body, StringComparison.Ordinal);
        Assert.Equal("Invitation to join Northwind Traders on ReferralPortal", mail.Subject);
    }

    [Fact]
    public async Task Invitations_ValidDays_sets_how_long_a_link_works()
    {
        using var shortLived = factory.WithWebHostBuilder(b => b.UseSetting("Invitations:ValidDays", "2"));
        using var admin = new PortalClient(shortLived.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await admin.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("twodays");

        await PeopleWorld.InviteAsync(admin, email, "ReferralUser");

        await using var db = factory.NewDbContext();
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Email == email);
        Assert.Equal(TimeSpan.FromDays(2), invitation.ExpiresAt - invitation.CreatedAt);
    }

    [Fact]
    public async Task A_used_link_gets_a_clear_page_and_changes_nothing()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var link = await PeopleWorld.InviteAsync(admin, PeopleWorld.NewEmail("usedonce"), "ReferralUser");
        using var first = factory.CreatePortalClient();
        using var accepted = await PeopleWorld.AcceptAsync(first, link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var before = await new SecurityWorld(factory).FingerprintAsync();
        using var second = factory.CreatePortalClient();

        using var page = await second.GetAsync(PeopleWorld.PathOf(link));
        using var again = await second.Http.PostAsync(PeopleWorld.PathOf(link), new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This invitation was already used", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode); // no token: refused before anything is looked up
        SecurityWorld.Unchanged(before, await new SecurityWorld(factory).FingerprintAsync(), "Opening a used link");
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_page_and_cannot_be_accepted()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("expired");
        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        using var person = factory.CreatePortalClient();
        var form = await person.GetPageAsync(PeopleWorld.PathOf(link));

        factory.Clock.Advance(TimeSpan.FromDays(7));
        using var accepted = await person.PostWithTokenAsync(form, PeopleWorld.PathOf(link), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Too Late",
            ["Input.Password"] = PeopleWorld.Password,
            ["Input.ConfirmPassword"] = PeopleWorld.Password,
        });

        Assert.Equal(HttpStatusCode.Gone, accepted.StatusCode);
        Assert.Contains("This invitation has expired", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        using var again = await factory.LoginAsync(DemoAccounts.NorthwindAdmin); // a week later the first session has expired
        var team = await again.GetPageAsync("/team");
        Assert.Contains(team.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains(email, StringComparison.Ordinal) && r.TextContent.Contains("Invitation expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_link_gets_a_clear_page()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("revoked");
        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        var id = await InvitationIdAsync(email);

        using var revoked = await admin.PostFormAsync("/team", $"/team/invitations/{id}/revoke", []);
        using var person = factory.CreatePortalClient();
        using var page = await person.GetAsync(PeopleWorld.PathOf(link));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This invitation was revoked", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_gives_a_new_link_and_the_old_one_stops_working()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("resent");
        var first = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        var id = await InvitationIdAsync(email);

        using var resent = await admin.PostFormAsync("/team", $"/team/invitations/{id}/resend", []);
        var second = await PeopleWorld.ShownLinkAsync(admin, "/team");
        using var person = factory.CreatePortalClient();

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await person.GetAsync(PeopleWorld.PathOf(first))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(PeopleWorld.PathOf(second))).StatusCode);
        await using var db = factory.NewDbContext();
        Assert.Equal(2, await db.EmailOutbox.CountAsync(m => m.To == email));
    }

    [Fact]
    public async Task The_email_is_written_in_the_inviters_language()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);
        await admin.SwitchLanguageAsync("pt-PT");
        var email = PeopleWorld.NewEmail("portugues");

        await PeopleWorld.InviteAsync(admin, email, "ReferralUser");

        await using var db = factory.NewDbContext();
        var mail = await db.EmailOutbox.SingleAsync(m => m.To == email);
        Assert.Equal("Convite para se juntar a Fabrikam Consulting no ReferralPortal", mail.Subject);
        Assert.Contains("Utilizador de referências", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_with_an_account_gets_the_same_neutral_refusal_wherever_the_account_is()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var before = await new SecurityWorld(factory).FingerprintAsync();

        var elsewhere = await RefusalAsync(admin, DemoAccounts.AdventureWorksAdmin);
        var here = await RefusalAsync(admin, DemoAccounts.NorthwindSales);
        var vendor = await RefusalAsync(admin, DemoAccounts.Reviewer.ToUpperInvariant());

        Assert.Equal(InvitationIssuer.AddressTaken, elsewhere);
        Assert.Equal(elsewhere, here);
        Assert.Equal(elsewhere, vendor);
        SecurityWorld.Unchanged(before, await new SecurityWorld(factory).FingerprintAsync(), "A refused invitation");
    }

    [Fact]
    public async Task The_password_goes_through_the_password_rules_and_must_be_confirmed()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("weak");
        var link = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        using var person = factory.CreatePortalClient();

        using var tooShort = await PeopleWorld.AcceptAsync(person, link, password: "short");
        using var different = await PeopleWorld.AcceptAsync(person, link, confirm: "something else entirely");
        var long129 = string.Concat(Enumerable.Repeat("correct horse battery staple ", 5))[..129];
        using var tooLong = await PeopleWorld.AcceptAsync(person, link, password: long129, confirm: long129);

        Assert.Equal("Use a password of at least 8 characters.", await FieldErrorAsync(tooShort, "Input_Password"));
        Assert.Equal("Use a password of at most 128 characters.", await FieldErrorAsync(tooLong, "Input_Password"));
        Assert.Equal("The two passwords are not the same.", await FieldErrorAsync(different, "Input_ConfirmPassword"));
        await using var db = factory.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        Assert.Null((await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Email == email)).AcceptedAt);
    }

    [Fact]
    public async Task An_unknown_or_malformed_link_gets_a_clear_page()
    {
        using var person = factory.CreatePortalClient();

        using var unknown = await person.GetAsync("/invitations/" + InvitationTokens.New());
        using var malformed = await person.GetAsync("/invitations/%27%20OR%201%3D1");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("This invitation link is not valid", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    private async Task<int> InvitationIdAsync(string email)
    {
        await using var db = factory.NewDbContext();
        return await db.Invitations.IgnoreQueryFilters().Where(i => i.Email == email).Select(i => i.Id).SingleAsync();
    }

    private static async Task<string?> RefusalAsync(PortalClient admin, string email)
    {
        using var response = await admin.PostFormAsync("/team", "/team/invite", new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.Role"] = "ReferralUser" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await FieldErrorAsync(response, "Invite_Email");
    }

    private static async Task<string?> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector($"#{field}-error")?.TextContent.Trim();
    }
}
