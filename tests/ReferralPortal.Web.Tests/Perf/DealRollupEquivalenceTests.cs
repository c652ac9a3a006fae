using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Rollups;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// The Insights rollups against a from-scratch GROUP BY over the deals: random histories (creations, decisions,
/// closings, stage moves, edits of value, currency and solutions, expiries), several of them run at once by
/// concurrent writers on the same deals, must leave rollup rows equal to what grouping every deal gives. On
/// PostgreSQL the writers really run at the same time; on SQLite they take turns.
/// </summary>
public sealed class DealRollupEquivalenceTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private static readonly string[] Owners = [DemoAccounts.NorthwindAdmin, DemoAccounts.AdventureWorksAdmin];
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Rollups_after_random_concurrent_histories_equal_a_group_by_over_every_deal()
    {
        await RandomHistoriesAsync(seed: 17);

        var expected = await GroupEveryDealAsync();
        var actual = await RollupRowsAsync();

        Assert.NotEmpty(expected);
        Assert.Equal(Describe(expected), Describe(actual));
    }

    [Fact]
    public async Task Rollups_counted_again_from_scratch_equal_the_rows_kept_by_increments()
    {
        await RandomHistoriesAsync(seed: 29);
        var kept = await RollupRowsAsync();

        await using (var db = factory.NewDbContext())
        {
            await DealRollupWriter.RebuildAsync(db);
        }

        Assert.Equal(Describe(kept), Describe(await RollupRowsAsync()));
    }

    private async Task RandomHistoriesAsync(int seed)
    {
        var reviewer = await world.ActorAsync(DemoAccounts.Reviewer);
        var owners = new List<Actor>();
        foreach (var email in Owners)
        {
            owners.Add(await world.ActorAsync(email));
        }

        var random = new Random(seed);
        var ids = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add(await CreateAsync(random, reviewer, owners[i % owners.Count], i));
        }

        // Four writers at once, each on a random deal of the same small pool: many of their saves collide.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var mine = new Random(seed * 100 + w);
            for (var step = 0; step < 30; step++)
            {
                await ChangeAsync(mine, ids[mine.Next(ids.Count)], reviewer, owners);
            }
        }));
        await Task.WhenAll(writers);
    }

    private async Task<int> CreateAsync(Random random, Actor reviewer, Actor owner, int i)
    {
        await using var db = factory.NewDbContext();
        var customer = await db.Customers.OrderBy(c => c.Id).Skip(random.Next(4)).FirstAsync();
        var solutions = await SolutionsAsync(db, owner.OrganisationId, random);
        var at = world.Now.AddDays(-random.Next(0, 120));
        var details = new DealDetails($"Rollup deal {i}", Money(random), Currencies[random.Next(Currencies.Length)], "PT", DateOnly.FromDateTime(world.Now).AddDays(90), false, null);
        var deal = (i % 4) switch
        {
            0 => Deal.CreateOutbound(owner, customer, null, details, solutions, HelpWanted.None, share: false, at, world.ReviewWindow),
            1 => Deal.CreateInbound(reviewer, owner.OrganisationId, customer, null, details, solutions, at, world.ReviewWindow),
            _ => Deal.CreateOutbound(owner, customer, null, details, solutions, HelpWanted.None, share: true, at, world.ReviewWindow),
        };
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    private async Task ChangeAsync(Random random, int id, Actor reviewer, List<Actor> owners)
    {
        await using var db = factory.NewDbContext();
        var deal = await db.Deals.Include(d => d.Solutions).SingleAsync(d => d.Id == id);
        var owner = owners.Single(o => o.OrganisationId == deal.OwnerOrganisationId);
        var now = (deal.SharedAt ?? deal.CreatedAt).AddHours(random.Next(1, 24 * 12)).AddMinutes(random.Next(60));
        if (deal.Status == DealStatus.New && random.Next(6) == 0 && deal.ReviewDueAt is { } due)
        {
            deal.Expire(due.AddHours(1));
        }
        else
        {
            var actor = random.Next(2) == 0 ? reviewer : owner;
            var allowed = deal.AllowedActions(actor, now)
                .Where(a => a is DealAction.Accept or DealAction.Decline or DealAction.MarkWon or DealAction.MarkLost or DealAction.CloseAsError or DealAction.MoveStage or DealAction.Edit)
                .ToList();
            if (allowed.Count == 0)
            {
                return;
            }

            var later = now.AddDays(random.Next(0, 70));
            switch (allowed[random.Next(allowed.Count)])
            {
                case DealAction.Accept: deal.Accept(actor, now); break;
                case DealAction.Decline: deal.Decline(actor, CloseReason.Other, null, now); break;
                case DealAction.MarkWon: deal.MarkWon(actor, later); break;
                case DealAction.MarkLost: deal.MarkLost(actor, CloseReason.Other, "Lost in a test.", later); break;
                case DealAction.CloseAsError: deal.CloseAsError(actor, ErrorReason.Duplicate, null, now); break;
                case DealAction.MoveStage when deal.NextStages().Where(s => s != SalesStage.Won).ToList() is { Count: > 0 } next:
                    deal.MoveStage(actor, next[random.Next(next.Count)], now);
                    break;
                case DealAction.Edit:
                    var details = new DealDetails(deal.Name, Money(random), Currencies[random.Next(Currencies.Length)], deal.LocationCountry, deal.EstimatedCloseDate, false, deal.Notes);
                    deal.Edit(actor, details, deal.Contact, await SolutionsAsync(db, deal.OwnerOrganisationId, random), now);
                    break;
                default: return;
            }
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another writer changed the deal first: this change is refused as a whole, rollups included.
        }
    }

    private static async Task<List<Solution>> SolutionsAsync(ReferralsDbContext db, int organisationId, Random random)
    {
        var all = (await db.Solutions.IgnoreQueryFilters().Where(s => s.OrganisationId == organisationId).OrderBy(s => s.Id).ToListAsync())
            .Where(s => s.IsPublished && s.IsCoSellReady).ToList();
        return [.. all.Where(_ => random.Next(2) == 0).DefaultIfEmpty(all[0])];
    }

    private static decimal Money(Random random) => random.Next(1_000, 50_000_000) / 100m;

    // The figures as Insights used to group them over every deal, written independently of the rollup writer.
    private async Task<Dictionary<string, (long Count, long Cents)>> GroupEveryDealAsync()
    {
        await using var db = factory.NewDbContext();
        var deals = db.Deals.IgnoreQueryFilters().AsNoTracking();
        var rows = new Dictionary<string, (long Count, long Cents)>(StringComparer.Ordinal);
        void Add(int org, DealType type, string dimension, string key, string currency, long count, double value) =>
            rows[$"{org}|{type}|{dimension}|{key}|{currency}"] = (count, (long)Math.Round(value * 100));

        foreach (var g in await deals.GroupBy(d => new { d.OwnerOrganisationId, d.DealType, d.Status, d.Currency })
                     .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.Value) }).ToListAsync())
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Status, g.Key.Status.ToString(), g.Key.Currency, g.Count, (double)g.Value);
        }

        foreach (var g in (await deals.Where(d => d.Status == DealStatus.Active)
                     .Select(d => new { d.OwnerOrganisationId, d.DealType, d.Stage, d.Currency, d.Value }).ToListAsync())
                     .GroupBy(d => new { d.OwnerOrganisationId, d.DealType, Stage = d.Stage ?? SalesStage.Accepted, d.Currency }))
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Stage, g.Key.Stage.ToString(), g.Key.Currency, g.Count(), (double)g.Sum(d => d.Value));
        }

        foreach (var g in await db.DealActivities.IgnoreQueryFilters()
                     .Where(a => a.Kind == ActivityKind.Won || a.Kind == ActivityKind.Lost)
                     .Join(deals, a => a.DealId, d => d.Id, (a, d) => new { d.OwnerOrganisationId, d.DealType, a.At.Year, a.At.Month, a.Kind, d.Currency, d.Value })
                     .GroupBy(x => new { x.OwnerOrganisationId, x.DealType, x.Year, x.Month, x.Kind, x.Currency })
                     .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(x => x.Value) }).ToListAsync())
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Closed, $"{g.Key.Year:D4}-{g.Key.Month:D2}|{g.Key.Kind}", g.Key.Currency, g.Count, (double)g.Value);
        }

        foreach (var g in (await deals.Where(d => d.SharedAt != null && d.DecidedAt != null && d.Status != DealStatus.Expired)
                     .Select(d => new { d.OwnerOrganisationId, d.DealType, Shared = d.SharedAt!.Value, Decided = d.DecidedAt!.Value }).ToListAsync())
                     .GroupBy(d => new { d.OwnerOrganisationId, d.DealType, Hours = (int)Math.Floor((d.Decided - d.Shared).TotalHours) }))
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Decision, $"{g.Key.Hours:D6}", string.Empty, g.Count(), 0);
        }

        var counted = deals.Where(d => d.Status == DealStatus.New || d.Status == DealStatus.Active || d.Status == DealStatus.Won);
        foreach (var g in await counted.GroupBy(d => new { d.OwnerOrganisationId, d.DealType, d.CustomerId, d.Currency })
                     .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(d => d.Value) }).ToListAsync())
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Customer, $"{g.Key.CustomerId}", g.Key.Currency, g.Count, (double)g.Value);
        }

        foreach (var g in await counted.SelectMany(d => d.Solutions, (d, s) => new { d.OwnerOrganisationId, d.DealType, SolutionId = s.Id, d.Currency, d.Value })
                     .GroupBy(x => new { x.OwnerOrganisationId, x.DealType, x.SolutionId, x.Currency })
                     .Select(g => new { g.Key, Count = g.Count(), Value = g.Sum(x => x.Value) }).ToListAsync())
        {
            Add(g.Key.OwnerOrganisationId, g.Key.DealType, DealRollupDimension.Solution, $"{g.Key.SolutionId}", g.Key.Currency, g.Count, (double)g.Value);
        }

        return rows;
    }

    private async Task<Dictionary<string, (long Count, long Cents)>> RollupRowsAsync()
    {
        await using var db = factory.NewDbContext();
        var rows = await db.DealRollups.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        Assert.All(rows.Where(r => r.Count == 0), r => Assert.Equal(0, r.ValueCents));
        return rows.Where(r => r.Count != 0)
            .ToDictionary(r => $"{r.OrganisationId}|{r.DealType}|{r.Dimension}|{r.Key}|{r.Currency}", r => (r.Count, r.ValueCents), StringComparer.Ordinal);
    }

    private static List<string> Describe(Dictionary<string, (long Count, long Cents)> rows) =>
        [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} = {r.Value.Count} / {r.Value.Cents}")];
}
