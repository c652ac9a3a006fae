using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;
using Serilog.Events;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// What the log must not hold, read from the app's own Serilog pipeline: no stack traces or errors for a client's
/// unreadable cookie (and no flood of them), no recipient e-mail addresses.
/// </summary>
public sealed class LogHygieneTests(LoggingPortalFactory factory) : IClassFixture<LoggingPortalFactory>
{
    [Fact]
    public async Task Garbage_anti_forgery_cookies_give_one_warning_a_minute_without_a_stack_trace()
    {
        _ = factory.Server;
        factory.Clock.Advance(UnreadableClientTokens.Window); // a window of its own, whatever the other tests sent
        var from = factory.Log.Events.Count;

        for (var i = 0; i < 25; i++)
        {
            await GetWithCookieAsync("/account/login", $"rp.af=CfDJ8garbage{i}");
        }

        var burst = factory.Log.Since(from);
        Assert.DoesNotContain(burst, e => e.Level >= LogEventLevel.Error);
        Assert.DoesNotContain(burst, e => e.Exception is not null);
        var warning = Assert.Single(burst, IsUnreadableToken);
        Assert.Equal(LogEventLevel.Warning, warning.Level);

        factory.Clock.Advance(UnreadableClientTokens.Window);
        var next = factory.Log.Events.Count;
        await GetWithCookieAsync("/account/login", "rp.af=CfDJ8garbage-after-a-minute");

        var later = Assert.Single(factory.Log.Since(next), IsUnreadableToken);
        Assert.Equal("24", later.Properties["LeftOut"].ToString());
    }

    [Fact]
    public async Task Garbage_temp_data_cookie_gives_no_stack_trace()
    {
        _ = factory.Server;
        var from = factory.Log.Events.Count;

        await GetWithCookieAsync("/account/login", ".AspNetCore.Mvc.CookieTempDataProvider=CfDJ8garbage");

        Assert.DoesNotContain(factory.Log.Since(from), e => e.Exception is not null || e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task Delivered_e_mail_is_logged_without_the_recipients_address()
    {
        const string Recipient = "rp-recipient-4711@example.com";
        _ = factory.Server;
        var from = factory.Log.Events.Count;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        db.EmailOutbox.Add(new EmailMessage(Recipient, "Referral R-004711 accepted", "Body", factory.Clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(TestContext.Current.CancellationToken);

        var events = factory.Log.Since(from);
        Assert.Contains(events, e => CapturedLog.Text(e).Contains("R-004711", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => CapturedLog.Text(e).Contains(Recipient, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsUnreadableToken(LogEvent e) => e.MessageTemplate.Text.StartsWith("Unreadable token", StringComparison.Ordinal);

    private async Task GetWithCookieAsync(string url, string cookie)
    {
        using var client = factory.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
