namespace ReferralPortal.Domain.Notifications;

/// <summary>Which group of notifications one belongs to (the e-mail subject follows it).</summary>
public enum NotificationKind
{
    NewInboundReferral,
    NewCoSellReferral,
    DealDecision,
    RegistrationDecision,
    ReviewReminder,
    RegistrationSubmitted,
    NoteAdded,
}

/// <summary>What happened, one value per sentence the reader sees; the web layer writes it in the reader's language.</summary>
public enum NotificationMessage
{
    NewInboundReferral,
    NewCoSellReferral,
    Accepted,
    Declined,
    Expired,
    Won,
    Lost,
    ClosedAsError,
    RegistrationSubmitted,
    RegistrationApproved,
    RegistrationRejected,
    ReviewReminder,
    NoteAdded,
    Withdrawn,
}

/// <summary>
/// The facts a notification's sentence is made of, stored as data (not as a sentence) so it can be written in
/// whatever language the reader uses when they read it. <see cref="Reason"/> is a close reason's name or free text;
/// <see cref="Author"/> is who wrote a note.
/// </summary>
public sealed record NotificationArguments(string ReferralId, string DealName, DateTime? DueAt = null, string? Reason = null, string? Author = null);

/// <summary>An in-app notification for one user (the bell in the top bar).</summary>
public class Notification
{
    private Notification()
    {
        UserId = string.Empty;
    }

    public Notification(string userId, int organisationId, NotificationKind kind, int? dealId, NotificationMessage message, NotificationArguments arguments, DateTime createdAt)
    {
        UserId = userId;
        OrganisationId = organisationId;
        Kind = kind;
        DealId = dealId;
        Message = message;
        Arguments = arguments;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganisationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public int? DealId { get; private set; }

    /// <summary>What happened; null only on notifications stored before messages were data (they keep <see cref="Text"/>).</summary>
    public NotificationMessage? Message { get; private set; }

    public NotificationArguments? Arguments { get; private set; }

    /// <summary>The English sentence of a notification stored before messages were data; null on every newer one.</summary>
    public string? Text { get; private set; }

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
