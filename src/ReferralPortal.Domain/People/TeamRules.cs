using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.People;

/// <summary>What an admin can do to a member or an invitation of their organisation's team.</summary>
public enum TeamAction
{
    Invite,
    Resend,
    Revoke,
    ChangeRole,
    Deactivate,
    Reactivate,
}

/// <summary>A member of an organisation as the team rules see them.</summary>
public sealed record TeamMember(string UserId, int OrganisationId, PortalRole Role, bool IsActive)
{
    public bool IsAdmin => TeamRules.IsAdminRole(Role);
}

/// <summary>
/// The rules of an organisation's team (SPEC 8): its admins manage it; it always keeps an active admin; nobody
/// deactivates themselves. An admin may step down to a non-admin role while another admin remains (the only way
/// the last-admin rule meets an admin's own row). One rule answers both "may I show the button" and "may I do it".
/// </summary>
public static class TeamRules
{
    public const string LastAdmin = "An organisation keeps at least one active admin: make another member an admin first.";

    /// <summary>The roles a member of this kind of organisation can have.</summary>
    public static IReadOnlyList<PortalRole> RolesOf(OrganisationKind kind) => kind == OrganisationKind.Vendor
        ? [PortalRole.Reviewer, PortalRole.ProgrammeAdmin]
        : [PortalRole.ReferralAdmin, PortalRole.ReferralUser];

    /// <summary>The admin role of this kind of organisation (the first member onboarded gets it).</summary>
    public static PortalRole AdminRoleOf(OrganisationKind kind) => kind == OrganisationKind.Vendor ? PortalRole.ProgrammeAdmin : PortalRole.ReferralAdmin;

    public static bool IsAdminRole(PortalRole role) => role is PortalRole.ReferralAdmin or PortalRole.ProgrammeAdmin;

    /// <summary>The actor administers this organisation's team: a partner's referral admin or the vendor's programme admin.</summary>
    public static bool Manages(Actor actor, int organisationId) =>
        actor.BelongsTo(organisationId) && (actor.IsPartnerAdmin || actor.IsProgrammeAdmin);

    /// <summary>Why the actor may not invite someone with this role, or null when allowed.</summary>
    public static string? WhyNotInvite(Actor actor, int organisationId, PortalRole role) =>
        !Manages(actor, organisationId) ? "Only your organisation's admins can manage its team."
        : !RolesOf(actor.OrganisationKind).Contains(role) ? "Choose a role from the list."
        : null;

    /// <summary>
    /// Why the actor may not take this action on the member now, or null when allowed. <paramref name="activeAdmins"/>
    /// counts the organisation's active admins including the member; <paramref name="newRole"/> is the role asked for by ChangeRole.
    /// </summary>
    public static string? WhyNot(TeamAction action, Actor actor, TeamMember member, int activeAdmins, PortalRole? newRole = null)
    {
        if (!Manages(actor, member.OrganisationId))
        {
            return "Only your organisation's admins can manage its team.";
        }

        var self = member.UserId == actor.UserId;
        var lastAdmin = member.IsActive && member.IsAdmin && activeAdmins <= 1;
        return action switch
        {
            TeamAction.Deactivate => self ? "You cannot deactivate yourself; ask another admin."
                : !member.IsActive ? "This member is already deactivated."
                : lastAdmin ? LastAdmin : null,
            TeamAction.Reactivate => member.IsActive ? "This member is already active." : null,
            TeamAction.ChangeRole => !member.IsActive ? "Reactivate this member before changing their role."
                : newRole is { } role && !RolesOf(actor.OrganisationKind).Contains(role) ? "Choose a role from the list."
                : lastAdmin && (newRole is null || !IsAdminRole(newRole.Value)) ? LastAdmin : null,
            _ => "Unknown action.",
        };
    }

    /// <summary>The member actions this actor may take now (the Team page shows exactly these).</summary>
    public static IReadOnlyList<TeamAction> AllowedActions(Actor actor, TeamMember member, int activeAdmins) =>
        [.. new[] { TeamAction.ChangeRole, TeamAction.Deactivate, TeamAction.Reactivate }.Where(a => WhyNot(a, actor, member, activeAdmins) is null)];

    /// <summary>Throws the refusal when there is one.</summary>
    public static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new NotAllowedException(whyNot);
        }
    }
}
