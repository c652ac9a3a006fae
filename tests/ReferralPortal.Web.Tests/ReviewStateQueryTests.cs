using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// The review-state rules are one expression each (ReviewState): what SQL selects with <c>At(now)</c> is what the
/// unit-tested <c>Holds</c> answers for the same deals, so the sweep, badges and Insights run the tested rule.
/// </summary>
public sealed class ReviewStateQueryTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    public static TheoryData<string> Rules => [nameof(ReviewState.Overdue), nameof(ReviewState.AwaitingDecision), nameof(ReviewState.DueSoon), nameof(ReviewState.ReminderDue)];

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Rule_run_as_sql_selects_the_deals_the_rule_holds_for(string name)
    {
        var rule = Rule(name);
        var window = world.ReviewWindow;
        foreach (var hoursLeft in new[] { -30, -1, 1, 23, 25, 71, 73, 200 })
        {
            await world.CoSellNewAsync(createdAt: world.Now - window + TimeSpan.FromHours(hoursLeft));
        }

        await world.CoSellActiveAsync();
        await using var db = factory.NewDbContext();
        var now = world.Now;

        var bySql = await db.Deals.Where(rule.At(now)).Select(d => d.Id).OrderBy(id => id).ToListAsync();
        var all = await db.Deals.ToListAsync();
        var byRule = all.Where(d => rule.Holds(d, now)).Select(d => d.Id).Order().ToList();

        Assert.Equal(byRule, bySql);
        Assert.NotEmpty(bySql);
    }

    private static DealRule Rule(string name) => name switch
    {
        nameof(ReviewState.Overdue) => ReviewState.Overdue,
        nameof(ReviewState.AwaitingDecision) => ReviewState.AwaitingDecision,
        nameof(ReviewState.DueSoon) => ReviewState.DueSoon,
        _ => ReviewState.ReminderDue,
    };
}
