using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

namespace ReferralPortal.Web.Features.Team;

/// <summary>
/// Records changes to people and organisations: an <see cref="AuditEntry"/> saved with the change, and, once it is
/// saved, a structured security event in the log. Entries name people by e-mail address and never carry a token.
/// </summary>
public sealed class AuditTrail(ReferralsDbContext db, TimeProvider clock, ILogger<AuditTrail> log)
{
    /// <summary>The actor name of changes made by the bootstrap command.</summary>
    public const string SystemActor = "invite-programme-admin";

    private readonly List<AuditEntry> staged = [];

    public void Record(int organisationId, Actor? actor, AuditAction action, string subject, string? detail = null)
    {
        var entry = new AuditEntry(organisationId, clock.GetUtcNow().UtcDateTime, actor?.UserId, actor?.DisplayName ?? SystemActor, action, subject, detail);
        db.AuditEntries.Add(entry);
        staged.Add(entry);
    }

    /// <summary>Saves the change with its audit entries, then writes each entry as a security event.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var e in staged)
        {
            log.LogInformation(
                "Security event {SecurityEvent}: {Subject} in organisation {OrganisationId} by {ActorUserId} ({Detail})",
                e.Action, e.Subject, e.OrganisationId, e.ActorUserId ?? SystemActor, e.Detail);
        }

        staged.Clear();
    }
}
