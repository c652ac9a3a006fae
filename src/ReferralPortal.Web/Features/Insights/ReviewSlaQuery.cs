using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Insights;

/// <summary>
/// The Review SLA view for programme admins (issue 19): referrals and registrations awaiting a decision by age band,
/// the median time to decision per reviewer over the last <see cref="Days"/> days, and how many referrals expired
/// without a decision in that time. No deal is loaded: the bands and the expired count are counted by the database.
/// </summary>
public sealed class ReviewSlaQuery(ReferralsDbContext db, TimeProvider clock)
{
    /// <summary>The period of the medians and of the expired count.</summary>
    public const int Days = 90;

    /// <summary>The age bands (whole days since the referral was shared or the registration submitted), lower bounds.</summary>
    public static readonly IReadOnlyList<int> BandStarts = [0, 4, 8, 12, 15];

    /// <summary>The view; null for anyone but a programme admin (the view is theirs alone).</summary>
    public async Task<ReviewSlaReport?> RunAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.IsProgrammeAdmin)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-Days);
        var side = db.Deals.AsNoTracking().Where(ReviewState.DecidedBySideOf(actor));

        // "Awaiting a decision" is ReviewState.AwaitingDecision (one rule, one place); its age runs from the share.
        var referrals = side.Where(ReviewState.AwaitingDecision.At(now)).Select(d => d.SharedAt ?? d.CreatedAt);

        // A registration waits from its latest submission (a rejected one may be submitted again).
        var registrations = db.Deals.AsNoTracking()
            .Where(d => d.RegistrationStatus == RegistrationStatus.Submitted)
            .Select(d => d.Activities.Where(a => a.Kind == ActivityKind.RegistrationSubmitted).Max(a => (DateTime?)a.At) ?? d.UpdatedAt);

        var bands = new List<SlaBand>();
        for (var i = 0; i < BandStarts.Count; i++)
        {
            // Age in whole days is at least `from` when the start is at or before now - from days; comparisons on the
            // timestamp, so every provider counts it in SQL.
            var newest = now.AddDays(-BandStarts[i]);
            DateTime? oldest = i + 1 < BandStarts.Count ? now.AddDays(-BandStarts[i + 1]) : null;
            bands.Add(new SlaBand(
                BandStarts[i],
                i + 1 < BandStarts.Count ? BandStarts[i + 1] - 1 : null,
                await InBand(referrals, newest, oldest, ct),
                await InBand(registrations, newest, oldest, ct)));
        }

        // Median per reviewer: the providers differ (SQLite has no percentile function), so only the decision
        // durations of the last 90 days on this side's deals are fetched (two timestamps and the reviewer per
        // decision, bounded by the period) and the median is taken here.
        var decisions = await db.DealActivities.AsNoTracking()
            .Where(a => (a.Kind == ActivityKind.Accepted || a.Kind == ActivityKind.Declined) && a.At >= since && a.At <= now && a.ActorUserId != null)
            .Join(side.Where(d => d.SharedAt != null), a => a.DealId, d => d.Id, (a, d) => new { a.ActorUserId, a.ActorName, a.At, Shared = d.SharedAt!.Value })
            .ToListAsync(ct);
        var reviewers = decisions
            .GroupBy(x => x.ActorUserId!)
            .Select(g =>
            {
                var days = g.Select(x => Math.Floor((x.At - x.Shared).TotalHours) / 24d).Order().ToList();
                return new ReviewerMedian(g.OrderByDescending(x => x.At).First().ActorName, days.Count, InsightsQuery.Median(days)!.Value);
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        var expired = await db.DealActivities.AsNoTracking()
            .Where(a => a.Kind == ActivityKind.Expired && a.At >= since && a.At <= now)
            .Join(side, a => a.DealId, d => d.Id, (a, d) => a.Id)
            .CountAsync(ct);

        return new ReviewSlaReport(bands, reviewers, expired);
    }

    private static Task<int> InBand(IQueryable<DateTime> starts, DateTime newest, DateTime? oldest, CancellationToken ct) =>
        oldest is { } o
            ? starts.CountAsync(t => t <= newest && t > o, ct)
            : starts.CountAsync(t => t <= newest, ct);
}

/// <summary>What the Review SLA section shows.</summary>
public sealed record ReviewSlaReport(IReadOnlyList<SlaBand> Bands, IReadOnlyList<ReviewerMedian> Reviewers, int ExpiredWithoutDecision);

/// <summary>Deals waiting <paramref name="From"/> to <paramref name="To"/> whole days (no upper bound when null).</summary>
public sealed record SlaBand(int From, int? To, int Referrals, int Registrations);

/// <summary>A reviewer's decisions in the period and their median time from share to decision, in days.</summary>
public sealed record ReviewerMedian(string Name, int Decisions, double MedianDays);
