namespace ReferralPortal.Domain.Notifications;

public enum NotificationKind
{
    NewInboundReferral,
    NewCoSellReferral,
    DealDecision,
    RegistrationDecision,
    ReviewReminder,
    DealNote,
}

/// <summary>An in-app notification for one user (the bell in the top bar).</summary>
public class Notification
{
    private Notification()
    {
        UserId = string.Empty;
        Text = string.Empty;
    }

    public Notification(string userId, int organisationId, NotificationKind kind, int? dealId, string text, DateTime createdAt)
    {
        UserId = userId;
        OrganisationId = organisationId;
        Kind = kind;
        DealId = dealId;
        Text = text.Length > 500 ? text[..500] : text;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganisationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int? DealId { get; private set; }

    public string Text { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

/// <summary>An e-mail waiting in the outbox; a background sender delivers it with retries.</summary>
public class EmailMessage
{
    public const int MaxAttempts = 8;

    private EmailMessage()
    {
        To = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public EmailMessage(string to, string subject, string body, DateTime createdAt)
    {
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }

    public string To { get; private set; }

    public string Subject { get; private set; }

    public string Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAt { get; private set; }

    public string? LastError { get; private set; }

    public void MarkSent(DateTime now) => SentAt = now;

    /// <summary>Backs off exponentially (1, 2, 4 … minutes) after a failed delivery.</summary>
    public void MarkFailed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now.AddMinutes(Math.Pow(2, Math.Min(Attempts - 1, 10)));
    }
}
