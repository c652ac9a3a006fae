using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>
/// Sessions live on the server (ASVS 7.2-7.4): sign-out ends them for every copy of the cookie, and the idle
/// timeout (30 minutes, sliding) and absolute lifetime (12 hours) are counted by the app's clock.
/// </summary>
public sealed class SessionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_copied_cookie_replayed_after_sign_out_gets_the_login_page()
    {
        using var user = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var cookie = await SigninWorld.CookieOfAsync(user);
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.ReplayAsync(factory, cookie));

        using var _ = await user.PostFormAsync(SigninWorld.OpenPage, "/account/logout", []);

        Assert.True(SigninWorld.IsLogin(await SigninWorld.ReplayAsync(factory, cookie)));
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session_not_the_users_other_browser()
    {
        using var first = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var second = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        using var _ = await first.PostFormAsync(SigninWorld.OpenPage, "/account/logout", []);

        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(second));
    }

    [Fact]
    public async Task A_session_unused_for_more_than_the_idle_timeout_ends_and_one_in_use_slides_on()
    {
        using var idle = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        using var busy = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);

        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(busy));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.True(SigninWorld.IsLogin(await SigninWorld.LandingAsync(idle)));
        Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(busy));
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_after_the_absolute_lifetime()
    {
        using var user = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(12) - TimeSpan.FromMinutes(25); elapsed += TimeSpan.FromMinutes(25))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(25));
            Assert.Equal(SigninWorld.OpenPage, await SigninWorld.LandingAsync(user));
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(25));

        Assert.True(SigninWorld.IsLogin(await SigninWorld.LandingAsync(user)));
    }
}
