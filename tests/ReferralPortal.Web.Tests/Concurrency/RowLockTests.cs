using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Concurrency;

/// <summary>
/// Why the application-managed Version token and the conditional claims are enough on PostgreSQL, proved step by
/// step rather than by luck: a second writer's UPDATE waits for the first writer's row lock, and when the first
/// commits, PostgreSQL evaluates the second's WHERE again on the new row, so "Version = @seen" (or the outbox's
/// "NextAttemptAt = @seen") matches nothing and the second writer learns it lost. Skipped without PostgreSQL.
/// </summary>
public sealed class RowLockTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Decision_saved_while_another_decision_holds_the_row_fails_as_a_concurrency_conflict_once_that_one_commits()
    {
        TestDatabase.SkipUnlessPostgres();
        var id = await world.CoSellNewAsync();
        var reviewer = await world.ActorAsync(Data.Seeding.DemoAccounts.Reviewer);
        var programme = await world.ActorAsync(Data.Seeding.DemoAccounts.ProgrammeAdmin);
        await using var first = factory.NewDbContext();
        await using var second = factory.NewDbContext();
        var firstDeal = await first.Deals.SingleAsync(d => d.Id == id);
        var secondDeal = await second.Deals.SingleAsync(d => d.Id == id);
        firstDeal.Accept(reviewer, world.Now);
        secondDeal.Decline(programme, CloseReason.Other, null, world.Now);

        await using var holding = await first.Database.BeginTransactionAsync();
        await first.SaveChangesAsync();
        var waiting = second.SaveChangesAsync();
        await WaitForALockWaitAsync();
        await holding.CommitAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => waiting);
        var deal = await world.DealAsync(id);
        Assert.Equal(DealStatus.Active, deal.Status);
        Assert.DoesNotContain(deal.Activities, a => a.Kind == ActivityKind.Declined);
    }

    [Fact]
    public async Task Outbox_claim_made_while_another_instance_holds_the_message_claims_nothing_once_that_one_commits()
    {
        TestDatabase.SkipUnlessPostgres();
        long id;
        DateTime due;
        await using (var db = factory.NewDbContext())
        {
            var message = new EmailMessage("row-lock@example.test", "Row lock", "Claimed once.", world.Now);
            db.EmailOutbox.Add(message);
            await db.SaveChangesAsync();
            (id, due) = (message.Id, message.NextAttemptAt);
        }

        await using var first = factory.NewDbContext();
        await using var second = factory.NewDbContext();
        await using var holding = await first.Database.BeginTransactionAsync();
        Assert.Equal(1, await OutboxDispatcher.ClaimAsync(first, id, due, due.AddMinutes(5), CancellationToken.None));
        var waiting = OutboxDispatcher.ClaimAsync(second, id, due, due.AddMinutes(5), CancellationToken.None);
        await WaitForALockWaitAsync();
        await holding.CommitAsync();

        Assert.Equal(0, await waiting);
    }

    /// <summary>Waits (polling the server, no fixed delay) until a session of this database is blocked on a lock.</summary>
    private async Task WaitForALockWaitAsync()
    {
        await using var monitor = factory.NewDbContext();
        var blocked = await Security.TwoInstancesTests.WaitUntilAsync(async () =>
            await monitor.Database.SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").SingleAsync() > 0,
            TimeSpan.FromSeconds(30));
        Assert.True(blocked, "The second writer never waited for the first one's row lock.");
    }
}
