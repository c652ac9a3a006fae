using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Team;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Invitations;

/// <summary>
/// <c>invite-programme-admin --email ADDRESS</c>: the first start of a Production portal. Run on the app itself
/// (<c>dotnet run --project src/ReferralPortal.Web -- invite-programme-admin --email owner@vendor.example</c>, or
/// <c>dotnet ReferralPortal.Web.dll invite-programme-admin --email ...</c>) with the same configuration as the portal:
/// after the usual start-up database step (migrations when <c>Database:MigrateOnStartup</c> is on) it creates the
/// vendor organisation when missing, invites the address as Programme admin (revoking an earlier link of the same
/// address), queues the e-mail, prints the link as the only line on standard output (logs go to standard error) and
/// exits without starting the web server.
/// </summary>
public static class ProgrammeAdminBootstrap
{
    public const string Verb = "invite-programme-admin";

    /// <summary>The verb is the first argument; configuration arguments (--Key=value) may follow it.</summary>
    public static bool IsCommand(string[] args) => args.Length > 0 && string.Equals(args[0], Verb, StringComparison.Ordinal);

    /// <summary>The address after <c>--email</c> (<c>--email ADDRESS</c> or <c>--email=ADDRESS</c>), or null.</summary>
    public static string? EmailArgument(string[] args)
    {
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--email=", StringComparison.Ordinal))
            {
                return args[i]["--email=".Length..];
            }

            if (args[i] == "--email" && i + 1 < args.Length)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    /// <returns>The process exit code: 0 when the invitation was created, 1 when refused, 2 for a usage error.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var email = EmailArgument(args)?.Trim();
        var check = new Team.InviteInputValidator().Validate(new InviteInput { Email = email, Role = PortalRole.ProgrammeAdmin });
        if (email is null || !check.IsValid)
        {
            await errors.WriteLineAsync($"usage: {Verb} --email ADDRESS   ({(email is null ? "the --email argument is missing" : check.Errors[0].ErrorMessage)})");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await RolesSetup.EnsureRolesAsync(sp);
        var db = sp.GetRequiredService<ReferralsDbContext>();
        var programme = sp.GetRequiredService<IOptions<ProgrammeOptions>>().Value;
        var audit = sp.GetRequiredService<AuditTrail>();
        var vendor = await db.Organisations.FirstOrDefaultAsync(o => o.Kind == OrganisationKind.Vendor, ct);
        if (vendor is null)
        {
            vendor = new Organisation(programme.VendorName, OrganisationKind.Vendor, programme.VendorCountry);
            db.Organisations.Add(vendor);
            await db.SaveChangesAsync(ct);
            audit.Record(vendor.Id, null, AuditAction.OrganisationOnboarded, vendor.Name);
        }

        var issuer = sp.GetRequiredService<InvitationIssuer>();
        var baseUrl = issuer.BaseUrl(null);
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = "http://localhost:5079";
            await errors.WriteLineAsync($"Email:PortalUrl is not set; the link uses {baseUrl}. Set it to the portal's public address.");
        }

        try
        {
            var issued = await issuer.InviteAsync(vendor, email, PortalRole.ProgrammeAdmin, null, null, baseUrl, ct);
            await output.WriteLineAsync(issued.Link);
            return 0;
        }
        catch (DomainException refusal)
        {
            await errors.WriteLineAsync(refusal.Message);
            return 1;
        }
    }
}
