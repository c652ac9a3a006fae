using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Configurations;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Features.Insights;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// The Review SLA view (issue 19) reads only the rows it counts: each of its queries, as the database plans it, starts
/// from the index made for it — the New deals' partial index for the referrals awaiting a decision, the submitted
/// registrations' index by submission time, the activities by kind and time for the decisions and expiries of the period — and
/// never reads every deal or every activity, so the programme admin's Insights stays flat at a million deals.
/// (Each index is named on SQLite; on PostgreSQL the test database is too small for the planner to choose as it does at scale.)
/// </summary>
public sealed class ReviewSlaPlanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("awaiting", ReviewSlaIndexes.Awaiting)]
    [InlineData("registrations", ReviewSlaIndexes.Registrations)]
    [InlineData("unstamped", ReviewSlaIndexes.Registrations)]
    [InlineData("decisions", ReviewSlaIndexes.Decisions)]
    [InlineData("expired", ReviewSlaIndexes.Decisions)]
    public async Task Each_read_of_the_view_starts_from_its_index(string read, string index)
    {
        var builder = new DealBuilder(factory);
        var actor = await builder.ActorAsync(DemoAccounts.ProgrammeAdmin);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        db.SetTenant(new TenantScope(actor.OrganisationId, actor.IsVendor, actor.UserId));
        var sla = scope.ServiceProvider.GetRequiredService<ReviewSlaQuery>();
        var now = builder.Now;
        var since = now.AddDays(-ReviewSlaQuery.Days);

        var plan = read switch
        {
            "awaiting" => await QueryPlan.ExplainAsync(db, sla.AwaitingReferralBands(actor, now)),
            "registrations" => await QueryPlan.ExplainAsync(db, sla.SubmittedRegistrationBands(now)),
            "unstamped" => await QueryPlan.ExplainAsync(db, sla.UnstampedRegistrationBands(now)),
            "decisions" => await QueryPlan.ExplainAsync(db, sla.Decisions(actor, since, now)),
            _ => await QueryPlan.ExplainAsync(db, sla.ExpiredWithoutDecision(actor, since, now)),
        };

        QueryPlan.AssertNoScanOfDeals(plan);
        if (TestDatabase.IsPostgres)
        {
            // PostgreSQL plans a database of a few hundred rows its own way (any index will do with scans priced out),
            // so only "no scan" is asserted there; its plans at a million deals are in the report.
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on \"DealActivities\"", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(plan, line => line.Contains(index, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(DemoAccounts.ProgrammeAdmin)]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    public async Task Decisions_and_expiries_read_the_deals_once_and_keep_the_deals_tenant_filter(string email)
    {
        var builder = new DealBuilder(factory);
        var actor = await builder.ActorAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
        db.SetTenant(new TenantScope(actor.OrganisationId, actor.IsVendor, actor.UserId));
        var sla = scope.ServiceProvider.GetRequiredService<ReviewSlaQuery>();
        var now = builder.Now;

        foreach (var sql in new[] { sla.Decisions(actor, now.AddDays(-ReviewSlaQuery.Days), now).ToQueryString(), sla.ExpiredWithoutDecision(actor, now.AddDays(-ReviewSlaQuery.Days), now).ToQueryString() })
        {
            // One read of the deals, carrying the deals' tenant condition (the vendor's co-sell scope, a partner's own deals).
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(sql, "\"Deals\" AS"));
            Assert.Contains(actor.IsVendor ? "ef_filter__coSellScope" : "ef_filter__partnerScope", sql, StringComparison.Ordinal);
        }
    }
}
