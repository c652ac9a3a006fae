using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Deals;

/// <summary>The <c>Jobs:ReviewWindow</c> configuration section.</summary>
public sealed class ReviewWindowJobOptions
{
    public const string Section = "Jobs:ReviewWindow";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>Runs <see cref="ReviewWindowSweep"/> at start-up and then every configured interval.</summary>
public sealed class ReviewWindowJob(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<ReviewWindowJobOptions> options, ILogger<ReviewWindowJob> log)
    : PeriodicJob(scopes, log)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override string Name => "Review window sweep";

    protected override Task RunPassAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ReviewWindowSweep>().RunAsync(ct);
}
