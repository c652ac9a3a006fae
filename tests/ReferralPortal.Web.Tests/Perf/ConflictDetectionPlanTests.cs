using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Triage;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// Channel-conflict detection is indexed (issue 19: "it must not scan all deals"): each of its reads, as the database
/// plans it, starts from an index — the deal by key, its customer and manually added twins by key and company key,
/// the other partners' open deals of those customers by customer and status — so its cost stays flat at a million deals.
/// </summary>
public sealed class ConflictDetectionPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Detection_reads_no_deal_but_by_an_index(bool manualCustomer)
    {
        var id = await new DealBuilder(factory).OutboundAsync(setup: new DealSetup(CustomerName: manualCustomer ? "Conflict Plan Manual Lda" : null));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        var conflicts = scope.ServiceProvider.GetRequiredService<ChannelConflicts>();
        var deal = await conflicts.Party(id).SingleAsync();
        var customers = await conflicts.SameCustomers(deal).ToListAsync();

        var plans = new[]
        {
            await QueryPlan.ExplainAsync(db, conflicts.Party(id)),
            await QueryPlan.ExplainAsync(db, conflicts.SameCustomers(deal)),
            await QueryPlan.ExplainAsync(db, conflicts.Candidates(deal, customers)),
            await QueryPlan.ExplainAsync(db, conflicts.SolutionsOf([id])),
        };

        Assert.Equal(manualCustomer, deal.CustomerAddedManually);
        Assert.All(plans, QueryPlan.AssertNoScanOfDeals);
        Assert.All(plans, LinksReadByDealKey);
    }

    [Fact]
    public async Task Detection_compares_the_solutions_read_by_deal_key()
    {
        var id = await new DealBuilder(factory).OutboundAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var conflicts = scope.ServiceProvider.GetRequiredService<ChannelConflicts>();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();

        var solutions = await conflicts.SolutionsOf([id]).ToListAsync();
        var stored = await db.Deals.IgnoreQueryFilters().Where(d => d.Id == id).SelectMany(d => d.Solutions).Select(s => new { s.Id, s.Area }).ToListAsync();

        Assert.NotEmpty(stored);
        Assert.Equal(stored.Select(s => (s.Id, s.Area)).Order(), solutions.Select(s => (s.SolutionId, s.Area)).Order());
        Assert.All(solutions, s => Assert.Equal(id, s.DealId));
    }

    // A deal's solution links are found from the deal's key (the link table's primary key), never by reading every
    // link through the solution index: SQLite did that (materialising all links joined to their solutions) when the
    // solutions were a collection inside the deals' projection, and a create took 1.4 s at a million deals.
    private static void LinksReadByDealKey(IReadOnlyList<string> plan) =>
        Assert.DoesNotContain(plan, line => line.Contains("IX_DealSolutions_SolutionId_DealId", StringComparison.Ordinal)
            || line.Contains("Seq Scan on \"DealSolutions\"", StringComparison.Ordinal));
}
