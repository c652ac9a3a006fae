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
        var referrals = await CountByBandAsync(AwaitingReferralBands(actor, now), ct);
        var registrations = await CountByBandAsync(SubmittedRegistrationBands(now), ct);
        if (await AnyUnstampedRegistrationAsync(ct))
        {
            registrations = [.. registrations.Zip(await CountByBandAsync(UnstampedRegistrationBands(now), ct), (a, b) => a + b)];
        }

        var bands = BandStarts
            .Select((from, i) => new SlaBand(from, i + 1 < BandStarts.Count ? BandStarts[i + 1] - 1 : null, referrals[i], registrations[i]))
            .ToList();

        // Median per reviewer: the providers differ (SQLite has no percentile function), so only the decision
        // durations of the last 90 days on this side's deals are fetched (two timestamps and the reviewer per
        // decision, bounded by the period) and the median is taken here.
        var decisions = await Decisions(actor, since, now).ToListAsync(ct);
        var reviewers = decisions
            .GroupBy(x => x.ActorUserId)
            .Select(g =>
            {
                var days = g.Select(x => Math.Floor((x.At - x.Shared).TotalHours) / 24d).Order().ToList();
                return new ReviewerMedian(g.OrderByDescending(x => x.At).First().ActorName, days.Count, InsightsQuery.Median(days)!.Value);
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        var expired = await ExpiredWithoutDecision(actor, since, now).CountAsync(ct);
        return new ReviewSlaReport(bands, reviewers, expired);
    }

    /// <summary>
    /// The band (index into <see cref="BandStarts"/>) of each referral awaiting this side's decision, aged from its
    /// share. "Awaiting a decision" is <see cref="ReviewState.AwaitingDecision"/> (one rule, one place); read from the
    /// partial index of New deals, which holds the ages.
    /// </summary>
    public IQueryable<int> AwaitingReferralBands(Actor actor, DateTime now) =>
        InBands(SideOf(actor).Where(ReviewState.AwaitingDecision.At(now)).Select(d => d.SharedAt ?? d.CreatedAt), now);

    /// <summary>
    /// The band of each registration awaiting a decision, aged from its latest submission (a rejected one may be
    /// submitted again): <see cref="Deal.RegistrationSubmittedAt"/>, read from the Registrations tab's index of submitted
    /// registrations.
    /// </summary>
    public IQueryable<int> SubmittedRegistrationBands(DateTime now) =>
        InBands(Submitted().Where(d => d.RegistrationSubmittedAt != null).Select(d => d.RegistrationSubmittedAt!.Value), now);

    /// <summary>
    /// The band of each submitted registration without <see cref="Deal.RegistrationSubmittedAt"/> (submitted before the
    /// column existed, or written by a bulk load), aged as before from its latest RegistrationSubmitted activity, else
    /// its last update. The migration that added the index filled the column so for every one it had, so this is
    /// usually empty: it runs only when <see cref="AnyUnstampedRegistrationAsync"/> finds one (on PostgreSQL the
    /// planner cannot know the set is empty and would compile it with JIT at every request).
    /// </summary>
    public IQueryable<int> UnstampedRegistrationBands(DateTime now) =>
        InBands(Submitted().Where(d => d.RegistrationSubmittedAt == null)
            .Select(d => d.Activities.Where(a => a.Kind == ActivityKind.RegistrationSubmitted).Max(a => (DateTime?)a.At) ?? d.UpdatedAt), now);

    /// <summary>Whether any submitted registration lacks its submission time (an index probe).</summary>
    public Task<bool> AnyUnstampedRegistrationAsync(CancellationToken ct) =>
        Submitted().AnyAsync(d => d.RegistrationSubmittedAt == null, ct);

    // The deals this side decides (ReviewState.DecidedBySideOf), under the deals' tenant filter: the base of the
    // awaiting referrals and of the decisions and expiries.
    private IQueryable<Deal> SideOf(Actor actor) => db.Deals.AsNoTracking().Where(ReviewState.DecidedBySideOf(actor));

    private IQueryable<Deal> Submitted() =>
        db.Deals.AsNoTracking().Where(d => d.RegistrationStatus == RegistrationStatus.Submitted);

    /// <summary>The accept and decline decisions of the period on this side's shared deals, with who decided and when the deal was shared.</summary>
    public IQueryable<SlaDecision> Decisions(Actor actor, DateTime since, DateTime now) =>
        ActivitiesOfFilteredDeals()
            .Where(a => (a.Kind == ActivityKind.Accepted || a.Kind == ActivityKind.Declined) && a.At >= since && a.At <= now && a.ActorUserId != null)
            .Join(
                SideOf(actor).Where(d => d.SharedAt != null),
                a => a.DealId,
                d => d.Id,
                (a, d) => new SlaDecision(a.ActorUserId!, a.ActorName, a.At, d.SharedAt!.Value));

    /// <summary>The expiries of the period on this side's deals (one per deal: Expired is terminal).</summary>
    public IQueryable<long> ExpiredWithoutDecision(Actor actor, DateTime since, DateTime now) =>
        ActivitiesOfFilteredDeals()
            .Where(a => a.Kind == ActivityKind.Expired && a.At >= since && a.At <= now)
            .Join(SideOf(actor), a => a.DealId, d => d.Id, (a, d) => a.Id);

    // Both reads join the activities to db.Deals, whose tenant filter stays on: the activities' own filter (the same
    // condition through a second join of the deals, which doubled PostgreSQL's work at 1M) is switched off alone.
    private IQueryable<DealActivity> ActivitiesOfFilteredDeals() =>
        db.DealActivities.IgnoreQueryFilters([ReferralsDbContext.ActivityTenantFilter]).AsNoTracking();

    // Whole days waiting, as bands: a start at or before now - BandStarts[i] days and after now - BandStarts[i + 1]
    // days is in band i. Comparisons on the timestamp (the bounds are parameters), so every provider bands in SQL.
    // Written out for the five bands of BandStarts (a test reads the labels of all five).
    private static IQueryable<int> InBands(IQueryable<DateTime> starts, DateTime now)
    {
        var b1 = now.AddDays(-BandStarts[1]);
        var b2 = now.AddDays(-BandStarts[2]);
        var b3 = now.AddDays(-BandStarts[3]);
        var b4 = now.AddDays(-BandStarts[4]);
        return starts.Where(t => t <= now).Select(t => t > b1 ? 0 : t > b2 ? 1 : t > b3 ? 2 : t > b4 ? 3 : 4);
    }

    // One pass over the rows, grouped by band; a band with no row counts zero.
    private static async Task<int[]> CountByBandAsync(IQueryable<int> bands, CancellationToken ct)
    {
        var counts = new int[BandStarts.Count];
        foreach (var band in await bands.GroupBy(b => b).Select(g => new { Band = g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            counts[band.Band] += band.Count;
        }

        return counts;
    }
}

/// <summary>One decision counted by the medians.</summary>
public sealed record SlaDecision(string ActorUserId, string ActorName, DateTime At, DateTime Shared);

/// <summary>What the Review SLA section shows.</summary>
public sealed record ReviewSlaReport(IReadOnlyList<SlaBand> Bands, IReadOnlyList<ReviewerMedian> Reviewers, int ExpiredWithoutDecision);

/// <summary>Deals waiting <paramref name="From"/> to <paramref name="To"/> whole days (no upper bound when null).</summary>
public sealed record SlaBand(int From, int? To, int Referrals, int Registrations);

/// <summary>A reviewer's decisions in the period and their median time from share to decision, in days.</summary>
public sealed record ReviewerMedian(string Name, int Decisions, double MedianDays);
