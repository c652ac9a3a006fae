using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.NewDeal;

public sealed record CreatedDeal(int Id, bool AlreadyExisted);

/// <summary>
/// Turns a completed draft into a deal, exactly once: the deal insert and the draft's concurrency-checked
/// update share one transaction, so a double submit or a retry finds the draft marked and returns the
/// same deal instead of creating a second one.
/// </summary>
public sealed class CreateDealFromDraft(ReferralsDbContext db, DraftStore drafts, DealNotifier notifier, TimeProvider clock, IOptions<ProgrammeOptions> programme, Triage.ChannelConflicts conflicts, Webhooks.WebhookEvents webhooks)
{
    /// <summary>Creates the deal from validated state (the caller ran every step's validator).</summary>
    public async Task<CreatedDeal> RunAsync(Actor actor, OpenDraft open, CancellationToken ct)
    {
        var (draft, state) = open;
        if (draft.CreatedDealId is int existing)
        {
            return new CreatedDeal(existing, true);
        }

        var d = state.Details!;
        var customer = await db.Customers.FirstAsync(c => c.Id == state.CustomerId, ct);
        var solutions = await db.Solutions
            .Where(s => d.SolutionIds.Contains(s.Id) && s.OrganisationId == actor.OrganisationId)
            .ToListAsync(ct);
        var contact = state.Contact is { IsEmpty: false } c
            ? new DealContact(c.FirstName, c.LastName, c.Email, c.Phone, c.JobTitle)
            : null;
        var details = new DealDetails(d.Name!, d.Value!.Value, d.Currency!, d.LocationCountry!, d.EstimatedCloseDate!.Value, d.ContainsPlaceholderData, d.Notes);
        var now = clock.GetUtcNow().UtcDateTime;
        var deal = Deal.CreateOutbound(actor, customer, contact, details, solutions, state.Sharing!.HelpFlags, state.Sharing.Share == true, now, programme.Value.ReviewWindow);

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Deals.Add(deal);
            drafts.Record(draft, state, WizardSteps.Sharing);
            await db.SaveChangesAsync(ct);
            draft.MarkCreated(deal.Id, now);

            // Co-sell deals go to the vendor's reviewers; the creator is never notified of their own deal.
            await notifier.StageAsync(deal, NotificationRules.For(deal, ActivityKind.Created, null), actor.UserId, now, ct);
            await webhooks.StageAsync(deal, deal.Activities.First(a => a.Kind == ActivityKind.Created), null, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            await conflicts.AfterSaveAsync(deal.Id, ct);
            return new CreatedDeal(deal.Id, false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request saved this draft first; when it became a deal, that deal is the answer.
            db.ChangeTracker.Clear();
            var winner = await db.DealDrafts.AsNoTracking().Where(x => x.Id == draft.Id).Select(x => x.CreatedDealId).FirstOrDefaultAsync(ct);
            if (winner is int id)
            {
                return new CreatedDeal(id, true);
            }

            throw;
        }
    }
}
