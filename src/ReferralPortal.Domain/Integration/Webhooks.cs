using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Domain.Integration;

/// <summary>The events an endpoint can subscribe to (issue 15), named as Standard Webhooks' <c>type</c>.</summary>
public static class WebhookEventTypes
{
    public const string ReferralCreated = "referral.created";
    public const string ReferralUpdated = "referral.updated";
    public const string ReferralStatusChanged = "referral.status_changed";
    public const string ReferralNoteAdded = "referral.note_added";
    public const string RegistrationStatusChanged = "registration.status_changed";

    public static readonly IReadOnlyList<string> All =
        [ReferralCreated, ReferralUpdated, ReferralStatusChanged, ReferralNoteAdded, RegistrationStatusChanged];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}

public enum WebhookEndpointAction
{
    Create,
    Rotate,
    Disable,
    Enable,
    Delete,
    Redeliver,
}

/// <summary>
/// An organisation's webhook endpoint: where its events are POSTed, which events, and the secret that signs them
/// (kept protected, as it must be used to sign, not only compared). A rotation keeps the previous secret signing
/// beside the new one for <see cref="RotationOverlap"/>, so receivers can switch without losing a message.
/// </summary>
public class WebhookEndpoint
{
    public const int UrlMaxLength = 500;
    public const string SecretPrefix = "whsec_";

    /// <summary>How long the previous secret keeps signing after a rotation.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private WebhookEndpoint()
    {
        Url = string.Empty;
        EventTypes = string.Empty;
        ProtectedSecret = string.Empty;
        CreatedByUserId = string.Empty;
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    public string Url { get; private set; }

    /// <summary>The subscribed event types, space-separated.</summary>
    public string EventTypes { get; private set; }

    /// <summary>The current secret (<c>whsec_…</c>), protected by the app's data protection.</summary>
    public string ProtectedSecret { get; private set; }

    public string? ProtectedPreviousSecret { get; private set; }

    public DateTime? PreviousSecretExpiresAt { get; private set; }

    public bool IsEnabled { get; private set; }

    /// <summary>Why it is disabled: "410 Gone" when the receiver asked, or "Disabled by an admin" (both translated on the page).</summary>
    public string? DisabledReason { get; private set; }

    public DateTime? DisabledAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public IReadOnlyList<string> Events => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether an event of this type is written for this endpoint now.</summary>
    public bool Wants(string type) => IsEnabled && Events.Contains(type, StringComparer.Ordinal);

    /// <summary>Whether the previous secret still signs at <paramref name="now"/>.</summary>
    public bool PreviousSecretSigns(DateTime now) => ProtectedPreviousSecret is not null && PreviousSecretExpiresAt > now;

    /// <summary>Only an organisation's admins manage its endpoints (the same people as its API tokens).</summary>
    public static string? WhyNot(WebhookEndpointAction action, Actor actor, WebhookEndpoint? endpoint)
    {
        if (!actor.IsPartnerAdmin && !actor.IsProgrammeAdmin)
        {
            return "Only your organisation's admins can manage webhooks.";
        }

        if (endpoint is null)
        {
            return null;
        }

        if (!actor.BelongsTo(endpoint.OrganisationId))
        {
            return "You do not have access to this webhook endpoint.";
        }

        return action switch
        {
            WebhookEndpointAction.Disable when !endpoint.IsEnabled => "This webhook endpoint is already disabled.",
            WebhookEndpointAction.Enable when endpoint.IsEnabled => "This webhook endpoint is already enabled.",
            WebhookEndpointAction.Redeliver when !endpoint.IsEnabled => "Enable the endpoint before redelivering a message.",
            _ => null,
        };
    }

    /// <summary>An admin registers an endpoint for their organisation; the URL's safety is checked before (it needs DNS).</summary>
    public static WebhookEndpoint Create(Actor actor, string url, IEnumerable<string> eventTypes, string protectedSecret, DateTime now)
    {
        Ensure(WhyNot(WebhookEndpointAction.Create, actor, null));
        var events = eventTypes.Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0 || !events.All(WebhookEventTypes.IsKnown))
        {
            throw new DomainException("Choose at least one event.");
        }

        return new WebhookEndpoint
        {
            OrganisationId = actor.OrganisationId,
            Url = Guard.SingleLine(url, "URL", 1, UrlMaxLength),
            EventTypes = string.Join(' ', WebhookEventTypes.All.Where(events.Contains)),
            ProtectedSecret = protectedSecret,
            IsEnabled = true,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
        };
    }

    /// <summary>A new secret signs from now on; the old one keeps signing beside it for <see cref="RotationOverlap"/>.</summary>
    public void Rotate(Actor actor, string protectedSecret, DateTime now)
    {
        Ensure(WhyNot(WebhookEndpointAction.Rotate, actor, this));
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        ProtectedSecret = protectedSecret;
    }

    public void Disable(Actor actor, DateTime now)
    {
        Ensure(WhyNot(WebhookEndpointAction.Disable, actor, this));
        IsEnabled = false;
        DisabledReason = "Disabled by an admin";
        DisabledAt = now;
    }

    /// <summary>The receiver answered 410 Gone: it asked for no more messages.</summary>
    public void DisableGone(DateTime now)
    {
        IsEnabled = false;
        DisabledReason = "410 Gone";
        DisabledAt = now;
    }

    public void Enable(Actor actor)
    {
        Ensure(WhyNot(WebhookEndpointAction.Enable, actor, this));
        IsEnabled = true;
        DisabledReason = null;
        DisabledAt = null;
    }

    public static void Ensure(string? whyNot)
    {
        if (whyNot is not null)
        {
            throw new NotAllowedException(whyNot);
        }
    }
}

public enum WebhookDeliveryState
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>
/// One event for one endpoint, in the webhook outbox: written in the transaction of the change, sent by the worker.
/// Its message id is the Standard Webhooks <c>webhook-id</c>, the same on every attempt so receivers can deduplicate.
/// </summary>
public class WebhookDelivery
{
    public const string MessageIdPrefix = "msg_";

    /// <summary>
    /// The wait after each failed attempt (Standard Webhooks' schedule: the first attempt is immediate). After the last
    /// the message keeps its last interval until it is at least <see cref="MinimumRetryPeriod"/> old, then it fails.
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static readonly TimeSpan MinimumRetryPeriod = TimeSpan.FromHours(24);

    /// <summary>Each wait is moved by up to this fraction either way, so receivers that fail together do not retry together.</summary>
    public const double Jitter = 0.2;

    private WebhookDelivery()
    {
        MessageId = string.Empty;
        EventType = string.Empty;
        Payload = string.Empty;
    }

    public WebhookDelivery(int endpointId, int organisationId, string messageId, string eventType, string payload, DateTime now)
    {
        EndpointId = endpointId;
        OrganisationId = organisationId;
        MessageId = messageId;
        EventType = eventType;
        Payload = payload;
        CreatedAt = now;
        NextAttemptAt = now;
        State = WebhookDeliveryState.Pending;
    }

    public long Id { get; private set; }

    public int EndpointId { get; private set; }

    public int OrganisationId { get; private set; }

    public string MessageId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public string Payload { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public WebhookDeliveryState State { get; private set; }

    public int Attempts { get; private set; }

    /// <summary>When the worker may take it next (also the claim lease while an attempt runs).</summary>
    public DateTime NextAttemptAt { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public int? LastStatusCode { get; private set; }

    public void MarkDelivered(int statusCode, DateTime now)
    {
        Attempts++;
        State = WebhookDeliveryState.Delivered;
        DeliveredAt = now;
        LastStatusCode = statusCode;
    }

    /// <summary>The endpoint answered 410: no more attempts.</summary>
    public void MarkGone(DateTime now)
    {
        Attempts++;
        State = WebhookDeliveryState.Failed;
        LastStatusCode = 410;
        NextAttemptAt = now;
    }

    /// <summary>Schedules the next attempt (<paramref name="random"/> in [0, 1) gives the jitter), or fails the message.</summary>
    public void MarkFailed(int? statusCode, DateTime now, double random)
    {
        Attempts++;
        LastStatusCode = statusCode;
        var wait = RetrySchedule[Math.Min(Attempts, RetrySchedule.Count) - 1];
        if (Attempts > RetrySchedule.Count && now - CreatedAt >= MinimumRetryPeriod)
        {
            State = WebhookDeliveryState.Failed;
            NextAttemptAt = now;
            return;
        }

        NextAttemptAt = now + wait * (1 + ((random * 2) - 1) * Jitter);
    }

    /// <summary>An admin sends the message again now, with the same message id.</summary>
    public void Redeliver(DateTime now)
    {
        State = WebhookDeliveryState.Pending;
        NextAttemptAt = now;
    }
}

/// <summary>One HTTP attempt of a <see cref="WebhookDelivery"/>, for the delivery log.</summary>
public class WebhookAttempt
{
    public const int ResponseBodyMaxBytes = 1024;
    public const int ErrorMaxLength = 300;

    private WebhookAttempt()
    {
    }

    public WebhookAttempt(long deliveryId, int endpointId, int number, DateTime at, int? statusCode, string? error, int durationMs, string? responseBody)
    {
        DeliveryId = deliveryId;
        EndpointId = endpointId;
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error;
        DurationMs = durationMs;
        ResponseBody = responseBody;
    }

    public long Id { get; private set; }

    public long DeliveryId { get; private set; }

    public int EndpointId { get; private set; }

    public int Number { get; private set; }

    public DateTime At { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public int DurationMs { get; private set; }

    /// <summary>At most <see cref="ResponseBodyMaxBytes"/> bytes of what the receiver answered.</summary>
    public string? ResponseBody { get; private set; }
}
