using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Tests.Security;

namespace ReferralPortal.Web.Tests.People;

/// <summary>
/// `dotnet ReferralPortal.Web.dll invite-programme-admin --email ADDRESS` on an empty Production database: the
/// published app's own verb, run as a process the way an operator runs it.
/// </summary>
public sealed partial class BootstrapCommandTests : IDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"rp-bootstrap-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={databasePath}";

    [Fact]
    public async Task Invite_programme_admin_migrates_creates_the_vendor_prints_one_link_queues_the_email_and_exits()
    {
        var run = await RunAsync("invite-programme-admin", "--email", "Owner@Vendor.example");

        Assert.True(run.ExitCode == 0, run.ToString());
        var link = Assert.Single(run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(LinkPattern(), link);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.DoesNotContain(token, run.StandardError, StringComparison.Ordinal);
        await using var db = NewDbContext();
        var vendor = await db.Organisations.SingleAsync();
        Assert.Equal(("Bootstrap Cloud", OrganisationKind.Vendor), (vendor.Name, vendor.Kind));
        var invitation = await db.Invitations.IgnoreQueryFilters().SingleAsync();
        Assert.Equal(("owner@vendor.example", PortalRole.ProgrammeAdmin, InvitationTokens.Hash(token)), (invitation.Email, invitation.Role, invitation.TokenHash));
        var mail = await db.EmailOutbox.SingleAsync();
        Assert.Contains(link, mail.Body, StringComparison.Ordinal);
        Assert.Empty(await db.Users.ToListAsync()); // Production: no demo seed
        Assert.Equal([AuditAction.OrganisationOnboarded, AuditAction.MemberInvited], await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task Running_it_again_for_the_same_address_revokes_the_earlier_link()
    {
        var first = await RunAsync("invite-programme-admin", "--email=owner@vendor.example");
        var second = await RunAsync("invite-programme-admin", "--email", "owner@vendor.example");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        Assert.NotEqual(first.StandardOutput, second.StandardOutput);
        await using var db = NewDbContext();
        var invitations = await db.Invitations.IgnoreQueryFilters().OrderBy(i => i.Id).ToListAsync();
        Assert.Equal(2, invitations.Count);
        Assert.NotNull(invitations[0].RevokedAt);
        Assert.Null(invitations[1].RevokedAt);
        Assert.Equal(1, await db.Organisations.CountAsync());
    }

    [Fact]
    public async Task Without_an_address_it_explains_its_usage_and_changes_nothing()
    {
        var run = await RunAsync("invite-programme-admin");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.StandardOutput.Trim());
        Assert.Contains("usage: invite-programme-admin --email ADDRESS", run.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }

    private ReferralsDbContext NewDbContext() =>
        new(new DbContextOptionsBuilder<ReferralsDbContext>().UseSqlite(ConnectionString).Options);

    private async Task<CommandRun> RunAsync(params string[] args)
    {
        var info = TwoInstances.AppProcess.DotnetWeb(args);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Referrals"] = ConnectionString;
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Database__MigrateOnStartup"] = "true";
        info.Environment["Programme__VendorName"] = "Bootstrap Cloud";
        info.Environment["Email__PortalUrl"] = "https://portal.example";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CommandRun(process.ExitCode, await output, await errors);
    }

    [GeneratedRegex("^https://portal\\.example/invitations/[A-Za-z0-9_-]{43}$")]
    private static partial Regex LinkPattern();

    private sealed record CommandRun(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
    }
}
