using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Two-factor authentication with an authenticator app (RFC 6238): codes are computed here from the key the page
/// shows, by Otp.NET (not the app's own code) at the fake clock's time.
/// </summary>
public sealed class TwoFactorTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Enrolment_shows_a_QR_code_and_the_key_and_after_a_correct_code_ten_recovery_codes()
    {
        var (client, _) = await SigninWorld.NewMemberAsync(factory);
        using var _c = client;

        var setup = await client.GetPageAsync("/account/authenticator");
        var codes = await EnrolAsync(client);

        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img[alt='QR code for your authenticator app']")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
    }

    [Fact]
    public async Task A_wrong_code_does_not_enrol()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        var key = await KeyAsync(client);

        using var response = await client.PostFormAsync("/account/authenticator", "/account/authenticator", new Dictionary<string, string> { ["Input.Code"] = Wrong(CodeAt(key, 0)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The authentication code is not correct.", await SigninWorld.ErrorsAsync(response), StringComparison.Ordinal);
        Assert.False((await new PeopleWorld(factory).UserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task After_enrolment_sign_in_asks_for_the_Authentication_code_and_accepts_the_current_one()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        var key = await KeyAsync(client);
        await EnrolAsync(client, key);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));

        using var next = factory.CreatePortalClient();
        using var password = await next.LoginAsync(email, PeopleWorld.Password);
        Assert.Equal("/account/login/two-factor", password.Headers.Location?.OriginalString);
        Assert.True(SigninWorld.IsLogin(await SigninWorld.LandingAsync(next)));

        using var code = await SecondStepAsync(next, new() { ["Code"] = CodeAt(key, 0) });

        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(next));
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_a_wrong_one_counts_towards_lockout()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        var key = await KeyAsync(client);
        await EnrolAsync(client, key);
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        using var first = factory.CreatePortalClient();
        await first.LoginAsync(email, PeopleWorld.Password);
        using var used = await SecondStepAsync(first, new() { ["Code"] = CodeAt(key, 0) });

        using var replay = factory.CreatePortalClient();
        await replay.LoginAsync(email, PeopleWorld.Password);
        using var again = await SecondStepAsync(replay, new() { ["Code"] = CodeAt(key, 0) });
        var failures = (await new PeopleWorld(factory).UserAsync(email)).AccessFailedCount;

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("The code is not correct.", await SigninWorld.ErrorsAsync(again), StringComparison.Ordinal);
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task A_Recovery_code_signs_in_once()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        var codes = await EnrolAsync(client);

        using var first = factory.CreatePortalClient();
        await first.LoginAsync(email, PeopleWorld.Password);
        using var used = await SecondStepAsync(first, new() { ["RecoveryCode"] = codes[0] });
        using var second = factory.CreatePortalClient();
        await second.LoginAsync(email, PeopleWorld.Password);
        using var reused = await SecondStepAsync(second, new() { ["RecoveryCode"] = codes[0] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(first));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.True(SigninWorld.IsLogin(await SigninWorld.LandingAsync(second)));
    }

    [Fact]
    public async Task Removing_the_authenticator_needs_the_password()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        await EnrolAsync(client);

        using var refused = await SigninWorld.AccountPostAsync(client, "/account/authenticator/disable", new() { ["Disable.Password"] = "not the password" });
        var stillOn = (await new PeopleWorld(factory).UserAsync(email)).TwoFactorEnabled;
        using var removed = await SigninWorld.AccountPostAsync(client, "/account/authenticator/disable", new() { ["Disable.Password"] = PeopleWorld.Password });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(stillOn);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False((await new PeopleWorld(factory).UserAsync(email)).TwoFactorEnabled);
        using var next = factory.CreatePortalClient();
        Assert.Equal("/", (await next.LoginAsync(email, PeopleWorld.Password)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task With_RequireTwoFactorForAdmins_an_admin_without_a_second_factor_can_only_enrol()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorForAdmins", "true"));
        var (joined, email) = await SigninWorld.NewMemberAsync(factory, "ReferralAdmin", "Strict Admin");
        joined.Dispose();
        using var client = new PortalClient(strict.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await client.LoginAsync(email, PeopleWorld.Password);
        using var northwind = new PortalClient(strict.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        await northwind.LoginAsync(Data.Seeding.DemoAccounts.NorthwindSales);

        var blocked = await SigninWorld.LandingAsync(client, "/team");
        using var post = await client.PostFormAsync("/account/authenticator", "/team/invite", new Dictionary<string, string> { ["Invite.Email"] = "x@people.example", ["Invite.Role"] = "ReferralUser" });
        var user = await SigninWorld.LandingAsync(northwind);
        await EnrolAsync(client);

        Assert.Equal("/account/authenticator", blocked);
        Assert.Equal("/account/authenticator", post.Headers.Location?.OriginalString);
        Assert.Equal(SigninWorld.OpenPage, user);
        Assert.Equal("/team", await SigninWorld.LandingAsync(client, "/team"));
    }

    internal static async Task<string> KeyAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/account/authenticator");
        return page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
    }

    /// <summary>Confirms set-up with the current code; returns the recovery codes shown once.</summary>
    private async Task<List<string>> EnrolAsync(PortalClient client, string? key = null)
    {
        key ??= await KeyAsync(client);
        using var response = await client.PostFormAsync("/account/authenticator", "/account/authenticator", new Dictionary<string, string> { ["Input.Code"] = CodeAt(key, 0) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        return [.. page.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim())];
    }

    private string CodeAt(string key, int steps) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    private static string Wrong(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> SecondStepAsync(PortalClient client, Dictionary<string, string> fields) =>
        client.PostFormAsync("/account/login/two-factor", "/account/login/two-factor", fields);
}
