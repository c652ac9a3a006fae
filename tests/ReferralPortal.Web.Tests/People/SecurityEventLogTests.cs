using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace ReferralPortal.Web.Tests.People;

/// <summary>A portal that keeps every Serilog event it writes, at Information and above.</summary>
public sealed class LoggedPortalFactory : PortalFactory
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(new Sink(Events)));
    }

    private sealed class Sink(ConcurrentQueue<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);
    }
}

/// <summary>Every change to people is a structured security event in the log, and no log line ever holds an invitation token.</summary>
public sealed class SecurityEventLogTests(LoggedPortalFactory factory) : IClassFixture<LoggedPortalFactory>
{
    [Fact]
    public async Task Each_change_is_a_security_event_and_the_invitation_token_never_reaches_the_log()
    {
        var world = new PeopleWorld(factory);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var email = PeopleWorld.NewEmail("logged");
        var first = await PeopleWorld.InviteAsync(admin, email, "ReferralUser");
        int id;
        await using (var db = factory.NewDbContext())
        {
            id = await db.Invitations.IgnoreQueryFilters().Where(i => i.Email == email).Select(i => i.Id).SingleAsync();
        }

        using var resent = await admin.PostFormAsync("/team", $"/team/invitations/{id}/resend", []);
        var second = await PeopleWorld.ShownLinkAsync(admin, "/team");
        using var person = factory.CreatePortalClient();
        using var page = await person.GetAsync(PeopleWorld.PathOf(second));
        using var accepted = await PeopleWorld.AcceptAsync(person, second, "Logged Person");
        var user = await world.UserAsync(email);
        using var deactivated = await admin.PostFormAsync("/team", $"/team/members/{user.Id}/deactivate", []);
        using var ended = await person.GetAsync("/referrals/outbound");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var security = factory.Events.Where(e => e.Properties.ContainsKey("SecurityEvent")).ToList();
        var mine = security.Where(e => e.Properties.TryGetValue("Subject", out var s) && s.ToString().Contains(email, StringComparison.Ordinal))
            .Select(e => e.Properties["SecurityEvent"].ToString()).ToList();
        Assert.Equal(new[] { AuditAction.MemberInvited, AuditAction.InvitationResent, AuditAction.MemberJoined, AuditAction.MemberDeactivated }.Select(a => a.ToString()), mine);
        Assert.Contains(security, e => e.Properties["SecurityEvent"].ToString() == "\"SessionEnded\"" && e.Properties["UserId"].ToString().Contains(user.Id, StringComparison.Ordinal));

        // The request lines were written (so the paths were there to leak), and neither token appears anywhere.
        var everything = factory.Events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString()))).ToList();
        Assert.Contains(everything, line => line.Contains("/invitations/{token}", StringComparison.Ordinal));
        foreach (var token in new[] { PeopleWorld.TokenOf(first), PeopleWorld.TokenOf(second) })
        {
            Assert.DoesNotContain(everything, line => line.Contains(token, StringComparison.Ordinal));
        }
    }
}
