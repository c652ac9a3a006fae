using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>A person on (or for) a deal team as the deal page lists them.</summary>
public sealed record TeamPerson(string UserId, string Name, string? Email);

/// <summary>
/// The organisation's people as the deal team sees them: who is on a team, and who may join. The one place that
/// decides whether a user is active (today every user is: deactivation arrives with the Team page's work).
/// </summary>
public sealed class DealTeamDirectory(ReferralsDbContext db)
{
    public Task<List<TeamPerson>> MembersAsync(int dealId, CancellationToken ct) =>
        db.DealTeamMembers.AsNoTracking()
            .Where(m => m.DealId == dealId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new TeamPerson(u.Id, u.DisplayName, u.Email))
            .ToListAsync(ct);

    /// <summary>The organisation's active users who are not on the deal's team yet.</summary>
    public Task<List<TeamPerson>> CandidatesAsync(int organisationId, int dealId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.DeactivatedAt == null && !db.DealTeamMembers.Any(m => m.DealId == dealId && m.UserId == u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new TeamPerson(u.Id, u.DisplayName, u.Email))
            .ToListAsync(ct);

    /// <summary>One user as a candidate for a team, or null when there is no such user.</summary>
    public Task<TeamCandidate?> CandidateAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new TeamCandidate(u.Id, u.DisplayName, u.OrganisationId, u.DeactivatedAt == null))
            .FirstOrDefaultAsync(ct);
}
