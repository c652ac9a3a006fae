using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Deals;

/// <summary>A user on a deal's team: notified of its events, and allowed to edit it and move its stage.</summary>
public class DealTeamMember
{
    private DealTeamMember()
    {
        UserId = string.Empty;
    }

    internal DealTeamMember(string userId, DateTime addedAt)
    {
        UserId = userId;
        AddedAt = addedAt;
    }

    public int DealId { get; private set; }

    public string UserId { get; private set; }

    public DateTime AddedAt { get; private set; }
}

/// <summary>A person an admin wants to put on a deal's team, as the directory knows them.</summary>
public sealed record TeamCandidate(string UserId, string DisplayName, int OrganisationId, bool IsActive);

/// <summary>
/// SPEC 9 and issue 14: an organisation may restrict its referral users to the deals whose team they are on.
/// Referral admins always see every deal of their organisation; the vendor's view does not depend on teams.
/// </summary>
public enum ReferralUserDealAccess
{
    /// <summary>Referral users see all the organisation's deals (the default).</summary>
    AllDeals,

    /// <summary>Referral users see only the deals they are on the team of.</summary>
    TeamDealsOnly,
}

public static class DealVisibility
{
    /// <summary>Whether this actor sees only the deals whose team they are on.</summary>
    public static bool IsLimitedToTeam(Actor actor, ReferralUserDealAccess access) =>
        actor.IsPartner && actor.Role == PortalRole.ReferralUser && access == ReferralUserDealAccess.TeamDealsOnly;
}

public partial class Deal
{
    /// <summary>SPEC 9: a deal team holds at most this many people.</summary>
    public const int MaxTeamSize = 50;

    /// <summary>Whether this user is on the deal's team.</summary>
    public bool IsOnTeam(string userId) => team.Any(m => m.UserId == userId);

    private bool IsTeamMember(Actor actor) => actor.IsPartner && actor.BelongsTo(OwnerOrganisationId) && IsOnTeam(actor.UserId);

    /// <summary>Why this person cannot join the team (the actor may manage it), or null when they can.</summary>
    public string? WhyNotAdd(TeamCandidate candidate) =>
        candidate.OrganisationId != OwnerOrganisationId ? "Only users of the deal's organisation can join its team."
        : !candidate.IsActive ? "Only active users can join a deal team."
        : IsOnTeam(candidate.UserId) ? "This person is already on the deal team."
        : team.Count >= MaxTeamSize ? "A deal team can have at most {0} members."
        : null;

    /// <summary>The owner's admin puts an active user of the owner organisation on the team (at most 50).</summary>
    public void AddTeamMember(Actor actor, TeamCandidate candidate, DateTime now)
    {
        Ensure(WhyNot(DealAction.ManageTeam, actor, now));
        if (WhyNotAdd(candidate) is { } why)
        {
            throw new DomainException(why, MaxTeamSize);
        }

        team.Add(new DealTeamMember(candidate.UserId, now));
        LogChange(ActivityKind.TeamMemberAdded, actor, now, DealField.Team, null, candidate.DisplayName);
    }

    /// <summary>
    /// The owner's admin takes someone off the team. The team may become empty; the creator leaving is recorded as such
    /// in the activity log, since the deal then has no one who was there from the start.
    /// </summary>
    public void RemoveTeamMember(Actor actor, string userId, string displayName, DateTime now)
    {
        Ensure(WhyNot(DealAction.ManageTeam, actor, now));
        var member = team.FirstOrDefault(m => m.UserId == userId) ?? throw new DomainException("This person is not on the deal team.");
        team.Remove(member);
        LogChange(ActivityKind.TeamMemberRemoved, actor, now, DealField.Team, displayName, null);
        if (userId == CreatedByUserId)
        {
            activities[^1].MarkCreatorLeft();
        }
    }

    // The creator of an outbound deal starts its team; an inbound referral's creator is a vendor user, who never joins.
    private void JoinCreator(Actor actor, DateTime now)
    {
        if (actor.IsPartner && actor.BelongsTo(OwnerOrganisationId) && !IsOnTeam(actor.UserId))
        {
            team.Add(new DealTeamMember(actor.UserId, now));
        }
    }
}
