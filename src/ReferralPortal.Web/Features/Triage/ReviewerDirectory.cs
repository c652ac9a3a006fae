using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Triage;

public sealed record Reviewer(string UserId, string Name);

/// <summary>The vendor's active reviewers and programme admins: who a referral or registration can be assigned to.</summary>
public sealed class ReviewerDirectory(ReferralsDbContext db)
{
    public Task<List<Reviewer>> AllAsync(int vendorOrganisationId, CancellationToken ct) =>
        Reviewers(vendorOrganisationId).OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new Reviewer(u.Id, u.DisplayName)).ToListAsync(ct);

    public Task<Reviewer?> FindAsync(int vendorOrganisationId, string userId, CancellationToken ct) =>
        Reviewers(vendorOrganisationId).Where(u => u.Id == userId)
            .Select(u => new Reviewer(u.Id, u.DisplayName)).FirstOrDefaultAsync(ct);

    private IQueryable<PortalUser> Reviewers(int vendorOrganisationId) =>
        db.Users.AsNoTracking().Where(u => u.OrganisationId == vendorOrganisationId && u.DeactivatedAt == null
            && (u.Role == PortalRole.Reviewer || u.Role == PortalRole.ProgrammeAdmin)
            && db.Organisations.Any(o => o.Id == u.OrganisationId && o.Kind == OrganisationKind.Vendor));
}
