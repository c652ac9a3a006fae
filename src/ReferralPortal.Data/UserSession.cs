namespace ReferralPortal.Data;

/// <summary>
/// One signed-in browser session, kept on the server (ASVS 7.4.1): the auth cookie carries only its id, and every
/// request checks that the row still exists and is neither idle nor too old. Signing out deletes the row, so a
/// copied cookie stops working on every instance at once.
/// </summary>
public class UserSession
{
    public UserSession(string id, string userId, DateTime createdAt)
    {
        Id = id;
        UserId = userId;
        CreatedAt = createdAt;
        LastSeenAt = createdAt;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The last request seen (to the minute): the idle timeout counts from here.</summary>
    public DateTime LastSeenAt { get; set; }
}
