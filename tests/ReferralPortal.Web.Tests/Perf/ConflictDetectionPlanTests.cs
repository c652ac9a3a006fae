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
        };

        Assert.Equal(manualCustomer, deal.CustomerAddedManually);
        Assert.All(plans, QueryPlan.AssertNoScanOfDeals);
    }
}
