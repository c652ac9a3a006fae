using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>
/// Turns a <see cref="NotificationPlan"/> into in-app notifications and outbox e-mails for the right
/// users. It only stages them on the context, so they are saved in the same transaction as the change
/// that caused them: a refused or lost change notifies nobody.
/// </summary>
public sealed class DealNotifier(ReferralsDbContext db, IOptions<EmailOptions> email, LinkGenerator links)
{
    public async Task StageAsync(Deal deal, NotificationPlan? plan, string? actingUserId, DateTime now, CancellationToken ct)
    {
        if (plan is null || plan.Audience == Audience.None)
        {
            return;
        }

        var recipients = await RecipientsAsync(deal, plan.Audience, ct);
        foreach (var r in recipients.Where(r => r.Id != actingUserId))
        {
            db.Notifications.Add(new Notification(r.Id, r.OrganisationId, plan.Kind, deal.Id, plan.Message, plan.Arguments, now));
            if (!string.IsNullOrWhiteSpace(r.Email))
            {
                db.EmailOutbox.Add(Email(r, plan, deal, now));
            }
        }
    }

    private async Task<List<Recipient>> RecipientsAsync(Deal deal, Audience audience, CancellationToken ct)
    {
        var reviewers = audience.HasFlag(Audience.VendorReviewers);
        var ownerAdmins = audience.HasFlag(Audience.OwnerAdmins);
        var creator = audience.HasFlag(Audience.Creator) ? deal.CreatedByUserId : null;
        var team = audience.HasFlag(Audience.Team);
        var owner = deal.OwnerOrganisationId;
        var dealId = deal.Id;

        // A referral user of an organisation that limits them to their deal teams hears only of their team's deals,
        // as they see only those (the same rule as the tenant filter, for people other than the signed-in one).
        var teamOnly = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == owner).Select(o => o.ReferralUserDealAccess).FirstOrDefaultAsync(ct) == ReferralUserDealAccess.TeamDealsOnly;
        var members = db.DealTeamMembers.Where(m => m.DealId == dealId).Select(m => m.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => (reviewers && (u.Role == PortalRole.Reviewer || u.Role == PortalRole.ProgrammeAdmin)
                            && db.Organisations.Any(o => o.Id == u.OrganisationId && o.Kind == OrganisationKind.Vendor))
                || (ownerAdmins && u.OrganisationId == owner && u.Role == PortalRole.ReferralAdmin)
                || (team && members.Contains(u.Id))
                || u.Id == creator)
            .Where(u => !(teamOnly && u.OrganisationId == owner && u.Role == PortalRole.ReferralUser) || members.Contains(u.Id))
            .OrderBy(u => u.Id)
            .Select(u => new Recipient(u.Id, u.OrganisationId, u.Email, u.DisplayName, u.PreferredCulture))
            .ToListAsync(ct);
    }

    /// <summary>Subject and body in the recipient's language (English when they never chose one), from the same facts as the in-app notification.</summary>
    private EmailMessage Email(Recipient r, NotificationPlan plan, Deal deal, DateTime now) =>
        LocalizationSetup.InCulture(LocalizationSetup.Canonical(r.PreferredCulture) ?? LocalizationSetup.DefaultCulture, () =>
            new EmailMessage(r.Email!, NotificationTexts.Subject(plan.Message, deal.ReferralId), Body(r.DisplayName, NotificationTexts.Render(plan.Message, plan.Arguments, null, now), deal.Id), now));

    private string Body(string name, string text, int dealId)
    {
        var link = links.DealUrl(email.Value.PortalUrl, dealId);
        return SharedResource.Text("Hello {0},", name) + "\n\n" + text + "\n\n"
            + SharedResource.Text("Open the referral: {0}", link) + "\n\n— ReferralPortal";
    }

    private sealed record Recipient(string Id, int OrganisationId, string? Email, string DisplayName, string? PreferredCulture);
}
