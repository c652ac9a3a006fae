using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

namespace ReferralPortal.Web.Features.Team;

public enum MemberState
{
    Invited,
    InvitationExpired,
    Active,
    Deactivated,
}

public sealed record MemberRow(string Id, string Name, string Email, PortalRole Role, MemberState State, DateTime? LastSignIn, bool IsYou, IReadOnlyList<TeamAction> Actions);

public sealed record InvitationRow(int Id, string Email, PortalRole Role, MemberState State, DateTime ExpiresAt);

public sealed record AuditRow(DateTime At, string Actor, AuditAction Action, string Subject, string? Detail);

/// <summary>An organisation's people as its Team page (or a partner's page for programme admins) shows them.</summary>
public sealed record TeamView(
    int OrganisationId,
    string OrganisationName,
    OrganisationKind Kind,
    string Country,
    bool IsSuspended,
    IReadOnlyList<MemberRow> Members,
    IReadOnlyList<InvitationRow> Invitations,
    IReadOnlyList<AuditRow> Changes,
    int ActiveAdmins);

/// <summary>Reads an organisation's members, open invitations and recent changes, with the actions the actor may take on each.</summary>
public sealed class TeamQuery(ReferralsDbContext db, TimeProvider clock)
{
    public const int RecentChanges = 50;

    public async Task<TeamView?> RunAsync(int organisationId, Actor actor, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organisationId, ct);
        if (org is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var users = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role, u.DeactivatedAt, u.LastSignInAt })
            .ToListAsync(ct);
        var activeAdmins = users.Count(u => u.DeactivatedAt == null && TeamRules.IsAdminRole(u.Role));
        var members = users.Select(u =>
        {
            var member = new TeamMember(u.Id, organisationId, u.Role, u.DeactivatedAt == null);
            return new MemberRow(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Role, member.IsActive ? MemberState.Active : MemberState.Deactivated,
                u.LastSignInAt, u.Id == actor.UserId, TeamRules.AllowedActions(actor, member, activeAdmins));
        }).ToList();

        var invitations = (await db.Invitations.AsNoTracking()
                .Where(i => i.OrganisationId == organisationId && i.AcceptedAt == null && i.RevokedAt == null)
                .OrderBy(i => i.Email)
                .ToListAsync(ct))
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.StateAt(now) == InvitationState.Expired ? MemberState.InvitationExpired : MemberState.Invited, i.ExpiresAt))
            .ToList();

        var changes = await db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId && !PersonalSecurityEvents.All.Contains(a.Action))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(RecentChanges)
            .Select(a => new AuditRow(a.At, a.ActorName, a.Action, a.Subject, a.Detail))
            .ToListAsync(ct);

        return new TeamView(org.Id, org.Name, org.Kind, org.Country, org.IsSuspended, members, invitations, changes, activeAdmins);
    }
}
