using System.ComponentModel.DataAnnotations;

namespace ReferralPortal.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section; validated at start.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "Webhooks";

    /// <summary>False keeps the worker from sending (events are still written to the outbox).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Webhooks:Interval must be between 1 second and 1 hour.")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000, ErrorMessage = "Webhooks:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 50;

    /// <summary>How long delivered and given-up messages stay in the delivery log (and can be redelivered) before the worker deletes them.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Webhooks:DeliveryLogRetention must be between 1 and 3650 days.")]
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>True lets endpoints on loopback, private, link-local and metadata addresses receive webhooks (tests, local use).</summary>
    public bool AllowPrivateNetworks { get; set; }
}
