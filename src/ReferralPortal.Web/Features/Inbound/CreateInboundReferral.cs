using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Inbound;

/// <summary>A vendor reviewer sends a referral to one partner (SPEC 3, "create inbound"); the partner's admins are notified.</summary>
public sealed class CreateInboundReferral(ReferralsDbContext db, CurrentTenant current, TimeProvider clock, IOptions<ProgrammeOptions> programme, DealNotifier notifier, Triage.ChannelConflicts conflicts, Webhooks.WebhookEvents webhooks)
{
    /// <returns>The new deal's id.</returns>
    /// <exception cref="DomainException">A choice or value broke a rule; the message says which.</exception>
    public async Task<int> RunAsync(InboundInput input, CancellationToken ct)
    {
        var actor = current.Actor;
        var partner = await db.Organisations.FirstOrDefaultAsync(o => o.Id == input.PartnerId && o.Kind == OrganisationKind.Partner, ct)
            ?? throw new DomainException("Choose a partner from the list.");
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == input.CustomerId, ct)
            ?? throw new DomainException("Choose a customer from the list.");
        List<Solution> suggested = [];
        if (input.SolutionId is int solutionId)
        {
            suggested = await db.Solutions.Where(s => s.Id == solutionId).ToListAsync(ct);
            if (suggested.Count == 0)
            {
                throw new DomainException("Choose a solution from the list.");
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var location = string.IsNullOrWhiteSpace(input.LocationCountry) ? customer.Country : input.LocationCountry;
        var details = new DealDetails(input.Name ?? string.Empty, input.Value ?? 0, input.Currency ?? string.Empty, location,
            input.EstimatedCloseDate ?? default, input.ContainsPlaceholderData, input.Notes);
        var contact = new DealContact(input.FirstName, input.LastName, input.Email, input.Phone, input.JobTitle);
        var deal = Deal.CreateInbound(actor, partner.Id, customer, contact, details, suggested, now, programme.Value.ReviewWindow);

        // The id is needed for the notifications' links, so the deal is saved first, all in one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(ct);
        await notifier.StageAsync(deal, NotificationRules.For(deal, ActivityKind.Created, null), actor.UserId, now, ct);
        await webhooks.StageAsync(deal, deal.Activities.First(a => a.Kind == ActivityKind.Created), null, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        await conflicts.AfterSaveAsync(deal.Id, ct);
        return deal.Id;
    }
}
