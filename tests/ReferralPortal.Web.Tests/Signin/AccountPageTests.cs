using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>The Account page: Change password, Sign out everywhere, profile and recent security activity.</summary>
public sealed class AccountPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "a brand new river passphrase";

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.Reviewer)]
    [InlineData(DemoAccounts.ProgrammeAdmin)]
    public async Task Every_user_has_an_Account_link_in_the_top_bar_that_opens_the_page(string email)
    {
        using var client = await factory.LoginAsync(email);
        var page = await client.GetPageAsync("/notifications");
        var link = page.QuerySelectorAll("nav a").FirstOrDefault(a => a.TextContent.Trim() == "Account");

        Assert.NotNull(link);
        var account = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Equal("Account", account.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(account.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Trim() == "Sign out everywhere"));
    }

    [Fact]
    public async Task Change_password_ends_the_other_sessions_and_this_one_continues()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        using var other = await SigninWorld.LoginAsync(factory, email, PeopleWorld.Password);
        var otherCookie = await SigninWorld.CookieOfAsync(other);

        using var changed = await SigninWorld.AccountPostAsync(client, "/account/password", new()
        {
            ["Password.CurrentPassword"] = PeopleWorld.Password,
            ["Password.NewPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(SigninWorld.IsLogin(await SigninWorld.ReplayAsync(factory, otherCookie)));
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(client));
        using var fresh = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await fresh.LoginAsync(email, PeopleWorld.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Change_password_with_a_wrong_current_password_changes_nothing()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;

        using var refused = await SigninWorld.AccountPostAsync(client, "/account/password", new()
        {
            ["Password.CurrentPassword"] = "not my password at all",
            ["Password.NewPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The current password is not correct.", await SigninWorld.ErrorsAsync(refused), StringComparison.Ordinal);
        using var fresh = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync(email, PeopleWorld.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_user_including_this_one()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        using var other = await SigninWorld.LoginAsync(factory, email, PeopleWorld.Password);
        var otherCookie = await SigninWorld.CookieOfAsync(other);
        var thisCookie = await SigninWorld.CookieOfAsync(client);

        using var response = await SigninWorld.AccountPostAsync(client, "/account/sign-out-everywhere", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(SigninWorld.IsLogin(await SigninWorld.ReplayAsync(factory, otherCookie)));
        Assert.True(SigninWorld.IsLogin(await SigninWorld.ReplayAsync(factory, thisCookie)));
    }

    [Fact]
    public async Task Recent_security_activity_lists_the_users_own_events_newest_first()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        using var wrong = await factory.CreatePortalClient().LoginAsync(email, "a wrong password here");
        using var changed = await SigninWorld.AccountPostAsync(client, "/account/password", new()
        {
            ["Password.CurrentPassword"] = PeopleWorld.Password,
            ["Password.NewPassword"] = NewPassword,
        });

        var page = await client.GetPageAsync("/account");
        var rows = page.QuerySelectorAll("section[aria-labelledby=activity-heading] tbody tr").Select(r => r.Children[1].TextContent.Trim()).ToList();

        Assert.Equal(["Password changed", "Sign-in failed"], rows.Take(2));
        Assert.DoesNotContain(rows, r => r.Contains("Member joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_the_profile_changes_the_display_name_and_language()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;

        using var saved = await SigninWorld.AccountPostAsync(client, "/account/profile", new()
        {
            ["Profile.DisplayName"] = "Renamed Person",
            ["Profile.Language"] = "pt-PT",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetPageAsync("/account");
        Assert.Contains("Renamed Person", page.QuerySelector("[data-testid=whoami]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Conta", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("pt-PT", (await new PeopleWorld(factory).UserAsync(email)).PreferredCulture);
    }
}
