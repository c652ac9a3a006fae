namespace ReferralPortal.Web.Features.Notifications;

/// <summary>The <c>Email</c> configuration section: the SMTP relay (<c>Email:Smtp*</c>) and the outbox schedule.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "referrals@referralportal.local";

    /// <summary>When set, mail goes out through this SMTP relay; otherwise it is logged (and written to <see cref="PickupDirectory"/> when set).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    public bool SmtpEnableSsl { get; set; } = true;

    /// <summary>A folder where the default sender writes each message as an .eml file (development).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>The portal's public address, used for links in e-mails.</summary>
    public string PortalUrl { get; set; } = string.Empty;

    public bool OutboxEnabled { get; set; } = true;

    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int OutboxBatchSize { get; set; } = 20;

    /// <summary>How long a claimed message stays invisible to other instances while it is being sent.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
