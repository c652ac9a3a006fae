using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Issue 18, "one periodic-job base": the review-window and outbox workers share <see cref="PeriodicJob"/>.</summary>
public sealed class PeriodicJobTests
{
    private sealed class CountingJob(IServiceScopeFactory scopes, TimeProvider timers, bool failFirst) : PeriodicJob(scopes, NullLogger.Instance, timers)
    {
        private int passes;

        public TaskCompletionSource SecondPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstPass { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override bool Enabled => true;

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override string Name => "Counting";

        protected override Task RunPassAsync(IServiceProvider services, CancellationToken ct)
        {
            var pass = Interlocked.Increment(ref passes);
            (pass == 1 ? FirstPass : SecondPass).TrySetResult();
            return failFirst && pass == 1 ? throw new InvalidOperationException("first pass fails") : Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failed_pass_is_logged_and_the_next_tick_runs_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = new ServiceCollection().BuildServiceProvider();
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(services.GetRequiredService<IServiceScopeFactory>(), clock, failFirst: true);

        await job.StartAsync(ct);
        await job.FirstPass.Task.WaitAsync(ct);
        Assert.False(job.SecondPass.Task.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await job.SecondPass.Task.WaitAsync(ct);
        await job.StopAsync(ct);

        Assert.True(job.SecondPass.Task.IsCompletedSuccessfully);
    }
}
