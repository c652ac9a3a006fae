using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;

namespace ReferralPortal.Web.Features.Team;

/// <summary>
/// Role changes, deactivation and reactivation of a member of the actor's own organisation: the team rules decide,
/// the member's security stamp is renewed (their open sessions end at the next request, see AccessCheck), and the
/// change is audited. A member of another organisation is not found.
/// </summary>
public sealed class MemberCommands(ReferralsDbContext db, UserManager<PortalUser> users, AuditTrail audit, TimeProvider clock)
{
    /// <returns>False when the actor's organisation has no such member.</returns>
    public async Task<bool> ChangeRoleAsync(Actor actor, string userId, PortalRole? newRole, CancellationToken ct)
    {
        var (user, member, admins) = await LoadAsync(actor, userId, ct);
        if (user is null)
        {
            return false;
        }

        // After the member lookup: another organisation's member is not found, whatever the form says.
        if (newRole is not { } role || !Enum.IsDefined(role))
        {
            throw new DomainException("Choose a role from the list.");
        }

        TeamRules.Ensure(TeamRules.WhyNot(TeamAction.ChangeRole, actor, member!, admins, role));
        if (user.Role == role)
        {
            return true;
        }

        var from = user.Role;
        await users.RemoveFromRoleAsync(user, from.ToString());
        await users.AddToRoleAsync(user, role.ToString());
        user.Role = role;
        await EndSessionsAsync(user);
        audit.Record(actor.OrganisationId, actor, AuditAction.RoleChanged, user.Email ?? user.Id, $"{from}>{role}");
        await audit.SaveAsync(ct);
        return true;
    }

    public async Task<bool> DeactivateAsync(Actor actor, string userId, CancellationToken ct)
    {
        var (user, member, admins) = await LoadAsync(actor, userId, ct);
        if (user is null)
        {
            return false;
        }

        TeamRules.Ensure(TeamRules.WhyNot(TeamAction.Deactivate, actor, member!, admins));
        user.DeactivatedAt = clock.GetUtcNow().UtcDateTime;
        await EndSessionsAsync(user);
        audit.Record(actor.OrganisationId, actor, AuditAction.MemberDeactivated, user.Email ?? user.Id, user.Role.ToString());
        await audit.SaveAsync(ct);
        return true;
    }

    public async Task<bool> ReactivateAsync(Actor actor, string userId, CancellationToken ct)
    {
        var (user, member, admins) = await LoadAsync(actor, userId, ct);
        if (user is null)
        {
            return false;
        }

        TeamRules.Ensure(TeamRules.WhyNot(TeamAction.Reactivate, actor, member!, admins));
        user.DeactivatedAt = null;
        await EndSessionsAsync(user);
        audit.Record(actor.OrganisationId, actor, AuditAction.MemberReactivated, user.Email ?? user.Id, user.Role.ToString());
        await audit.SaveAsync(ct);
        return true;
    }

    // A new stamp makes every cookie issued before it fail AccessCheck: the member signs in again with what is true now.
    private async Task EndSessionsAsync(PortalUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The member's sessions could not be ended: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task<(PortalUser? User, TeamMember? Member, int ActiveAdmins)> LoadAsync(Actor actor, string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.OrganisationId == actor.OrganisationId, ct);
        if (user is null)
        {
            return (null, null, 0);
        }

        var admins = await db.Users.CountAsync(
            u => u.OrganisationId == actor.OrganisationId && u.DeactivatedAt == null && (u.Role == PortalRole.ReferralAdmin || u.Role == PortalRole.ProgrammeAdmin), ct);
        return (user, new TeamMember(user.Id, user.OrganisationId, user.Role, user.IsActive), admins);
    }
}
