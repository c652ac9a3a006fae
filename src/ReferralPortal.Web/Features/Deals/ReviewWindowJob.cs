namespace ReferralPortal.Web.Features.Deals;

/// <summary>The <c>Jobs:ReviewWindow</c> configuration section.</summary>
public sealed class ReviewWindowJobOptions
{
    public const string Section = "Jobs:ReviewWindow";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs <see cref="ReviewWindowSweep"/> at start-up and then every configured interval.</summary>
public sealed class ReviewWindowJob(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<ReviewWindowJobOptions> options, ILogger<ReviewWindowJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReviewWindowSweep>().RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass is retried at the next tick; the job itself must keep running.
                log.LogError(e, "Review window sweep failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
