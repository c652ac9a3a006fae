using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Triage;

/// <summary>One line of the bulk decision's result page.</summary>
public sealed record BulkResultRow(int DealId, string DealName, bool Applied, string? Refusal)
{
    public string ReferralId => Deal.FormatReferralId(DealId);
}

public sealed record BulkResultPage(BulkChoice Choice, IReadOnlyList<BulkResultRow> Rows)
{
    public int AppliedCount => Rows.Count(r => r.Applied);

    public int RefusedCount => Rows.Count(r => !r.Applied);
}

/// <summary>
/// Decides the selected referrals one by one through <see cref="DealCommand"/>, the single decision's path: each is
/// loaded, checked against the Version its row showed, decided by <see cref="BulkDecision.Apply"/> and saved on its
/// own, so a stale or refused row refuses that row only.
/// </summary>
public sealed class BulkDecisions(DealCommand command, ReferralsDbContext db)
{
    public async Task<BulkResultPage> RunAsync(BulkChoice choice, CloseReason? reason, string? comment, IReadOnlyList<int> ids, IReadOnlyDictionary<int, int> versions, CancellationToken ct)
    {
        var rows = new List<BulkResultRow>();
        foreach (var id in ids.Distinct().Take(BulkDecision.MaxDeals))
        {
            BulkOutcome? outcome = null;
            var result = await command.RunAsync(id, versions.TryGetValue(id, out var v) ? v : null, (d, a, now) =>
            {
                outcome = BulkDecision.Apply(d, choice, reason, comment, a, now);
                if (!outcome.Applied)
                {
                    // Nothing of a refused row is saved, whatever the domain touched before it said no.
                    db.ChangeTracker.Clear();
                }
            }, ct);
            var refusal = result switch
            {
                DealCommandOutcome.NotFound => SharedResource.Text("You do not have access to this deal."),
                DealCommandOutcome.Conflict => SharedResource.Text(DealActionsController.ConflictMessage),
                _ when outcome is { Applied: false } o => Words(o),
                _ => null,
            };
            rows.Add(new BulkResultRow(id, string.Empty, refusal is null, refusal));
        }

        // Names only for the deals this reviewer can see (the tenant filter); an unseen id stays a bare ID.
        var shown = rows.ConvertAll(r => r.DealId);
        var names = await db.Deals.AsNoTracking().Where(d => shown.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        return new BulkResultPage(choice, rows.ConvertAll(r => r with { DealName = names.GetValueOrDefault(r.DealId, string.Empty) }));
    }

    private static string Words(BulkOutcome o) =>
        new DomainException(o.Refusal!, [.. o.RefusalArgs]).LocalizedMessage();
}
