namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// The one shape of the portal's background work: a pass at start-up and then one every <see cref="Interval"/>,
/// each in its own service scope; a failed pass is logged and the next tick tries again, so the job never stops.
/// </summary>
/// <param name="timers">The clock the ticks follow; real time unless a test passes a fake one.</param>
public abstract class PeriodicJob(IServiceScopeFactory scopes, ILogger log, TimeProvider? timers = null) : BackgroundService
{
    /// <summary>False keeps the job from running at all (configuration, or tests that drive the pass themselves).</summary>
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Names the job in the log when a pass fails.</summary>
    protected abstract string Name { get; }

    /// <summary>One pass, with the pass's own scoped services.</summary>
    protected abstract Task RunPassAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, timers ?? TimeProvider.System);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunPassAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} pass failed; the next tick tries again", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
