using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;
using Serilog.Events;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Sign-in security events (ASVS 16) are structured log events with user id, organisation and client address,
/// and never hold the password typed in.
/// </summary>
public sealed class SigninSecurityEventTests(LoggingPortalFactory factory) : IClassFixture<LoggingPortalFactory>
{
    private const string Wrong = "a mistyped secret phrase";
    private const string NewPassword = "a logged change of passphrase";

    [Fact]
    public async Task Sign_in_failure_success_and_password_change_are_logged_with_user_organisation_and_address_without_passwords()
    {
        var (client, email) = await SigninWorld.NewMemberAsync(factory);
        using var _ = client;
        var user = await new PeopleWorld(factory).UserAsync(email);
        var from = factory.Log.Events.Count;

        using var failed = await factory.CreatePortalClient().LoginAsync(email, Wrong);
        using var signedIn = await factory.CreatePortalClient().LoginAsync(email, PeopleWorld.Password);
        using var changed = await SigninWorld.AccountPostAsync(client, "/account/password", new() { ["Password.CurrentPassword"] = PeopleWorld.Password, ["Password.NewPassword"] = NewPassword });

        var events = factory.Log.Since(from);
        foreach (var kind in new[] { "SignInFailed", "SignedIn", "PasswordChanged" })
        {
            var e = Assert.Single(events, e => Property(e, "SecurityEvent") == kind);
            Assert.Equal(user.Id, Property(e, "UserId"));
            Assert.Equal(user.OrganisationId.ToString(System.Globalization.CultureInfo.InvariantCulture), Property(e, "OrganisationId"));
            Assert.True(e.Properties.ContainsKey("ClientAddress"));
        }

        Assert.DoesNotContain(events, e => CapturedLog.Text(e).Contains(Wrong, StringComparison.Ordinal)
            || CapturedLog.Text(e).Contains(PeopleWorld.Password, StringComparison.Ordinal)
            || CapturedLog.Text(e).Contains(NewPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_anti_forgery_token_is_a_security_event()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var from = factory.Log.Events.Count;

        using var response = await client.Http.PostAsync("/account/sign-out-everywhere", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(factory.Log.Since(from), e => Property(e, "SecurityEvent") == "AntiforgeryRefused" && Property(e, "Path") == "/account/sign-out-everywhere");
    }

    private static string? Property(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) ? (value as ScalarValue)?.Value?.ToString() : null;
}
