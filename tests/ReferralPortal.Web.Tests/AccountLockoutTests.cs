using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Lockout after 5 failed attempts. Its own factory: a locked account must not leak into other tests.</summary>
public sealed class AccountLockoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string LockoutMessage = "This account is locked after too many failed attempts.";

    [Fact]
    public async Task Sixth_attempt_with_the_right_password_after_five_bad_ones_is_refused_with_the_lockout_message()
    {
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 5; i++)
        {
            var bad = await client.LoginAsync(DemoAccounts.AdventureWorksAdmin, $"wrong-password-{i}");
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        var response = await client.LoginAsync(DemoAccounts.AdventureWorksAdmin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LockoutMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/referrals/outbound")).StatusCode);
    }

    [Fact]
    public async Task Four_bad_passwords_then_the_right_one_still_signs_in()
    {
        using var client = factory.CreatePortalClient();
        for (var i = 0; i < 4; i++)
        {
            await client.LoginAsync(DemoAccounts.FabrikamAdmin, $"wrong-password-{i}");
        }

        var response = await client.LoginAsync(DemoAccounts.FabrikamAdmin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
