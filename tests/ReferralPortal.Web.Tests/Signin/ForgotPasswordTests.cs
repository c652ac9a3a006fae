using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Forgot your password?: the same answer for any address, an e-mail in the user's language with a link valid
/// 1 hour and usable once; the new password ends every session and lifts a lockout.
/// </summary>
public sealed class ForgotPasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "a freshly reset passphrase";

    [Fact]
    public async Task The_login_page_links_to_Forgot_your_password()
    {
        using var client = factory.CreatePortalClient();
        var login = await client.GetPageAsync("/account/login");
        var link = login.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Forgot your password?");

        var page = await client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal("Forgot your password?", page.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Known_and_unknown_addresses_get_the_same_answer_and_only_the_known_one_an_email()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        member.Dispose();
        var before = await SigninWorld.OutboxCountAsync(factory);

        var known = await RequestAsync(email);
        var afterKnown = await SigninWorld.OutboxCountAsync(factory);
        var unknown = await RequestAsync("nobody-here@people.example");

        Assert.Equal(known, unknown);
        Assert.Equal(before + 1, afterKnown);
        Assert.Equal(afterKnown, await SigninWorld.OutboxCountAsync(factory));
        Assert.NotNull(await SigninWorld.LastResetLinkAsync(factory, email));
    }

    [Fact]
    public async Task The_link_sets_a_new_password_once_and_ends_every_session()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = member;
        var cookie = await SigninWorld.CookieOfAsync(member);
        await RequestAsync(email);
        var link = (await SigninWorld.LastResetLinkAsync(factory, email))!;

        using var reset = await ResetAsync(link, NewPassword);
        using var again = await ResetAsync(link, "yet another passphrase");

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.True(SigninWorld.IsLogin(await SigninWorld.ReplayAsync(factory, cookie)));
        using var fresh = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.LoginAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_link_expires_after_one_hour()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        member.Dispose();
        await RequestAsync(email);
        var link = (await SigninWorld.LastResetLinkAsync(factory, email))!;
        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        member.Dispose();
        await using (var db = factory.NewDbContext())
        {
            await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, factory.Clock.GetUtcNow().AddYears(1)));
        }

        using var locked = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.OK, (await locked.LoginAsync(email, PeopleWorld.Password)).StatusCode);
        await RequestAsync(email);
        using var reset = await ResetAsync((await SigninWorld.LastResetLinkAsync(factory, email))!, NewPassword);

        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task The_email_is_written_in_the_users_language()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = member;
        await member.SwitchLanguageAsync("pt-PT");

        await RequestAsync(email);

        await using var db = factory.NewDbContext();
        var subject = await db.EmailOutbox.Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Subject).LastAsync();
        Assert.Equal("Reponha a sua palavra-passe do ReferralPortal", subject);
    }

    [Fact]
    public async Task A_policy_breaking_password_is_refused_on_the_reset_page_and_the_link_still_works()
    {
        var (member, email) = await SigninWorld.NewMemberAsync(factory);
        member.Dispose();
        await RequestAsync(email);
        var link = (await SigninWorld.LastResetLinkAsync(factory, email))!;

        using var refused = await ResetAsync(link, "short");
        using var accepted = await ResetAsync(link, NewPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Use a password of at least 8 characters.", await SigninWorld.ErrorsAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    /// <summary>Asks for a link; returns the answer page's heading and text (what the asker learns).</summary>
    private async Task<string> RequestAsync(string email)
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        return $"{(int)response.StatusCode} {page.QuerySelector("main")?.TextContent.Trim()}";
    }

    private async Task<HttpResponseMessage> ResetAsync(string link, string password)
    {
        using var client = factory.CreatePortalClient();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);

        // Any page's anti-forgery token will do: a used or expired link has no form to read one from.
        return await client.PostFormAsync("/account/forgot-password", "/account/reset-password", new Dictionary<string, string>
        {
            ["User"] = query["user"]!,
            ["Token"] = query["token"]!,
            ["NewPassword"] = password,
        });
    }
}
