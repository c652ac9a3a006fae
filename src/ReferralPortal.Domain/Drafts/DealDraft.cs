namespace ReferralPortal.Domain.Drafts;

/// <summary>
/// The New deal wizard's progress, saved after every step so nothing typed is lost. The payload is the
/// wizard's own serialised state; the draft belongs to one user of one organisation.
/// </summary>
public class DealDraft
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private DealDraft()
    {
        UserId = string.Empty;
        Payload = "{}";
    }

    public DealDraft(string userId, int organisationId, DateTime now)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        OrganisationId = organisationId;
        Payload = "{}";
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public int OrganisationId { get; private set; }

    /// <summary>The furthest step completed (0 = none).</summary>
    public int CompletedStep { get; private set; }

    public string Payload { get; private set; }

    /// <summary>A short label for the drafts list (customer or deal name once known).</summary>
    public string? Title { get; private set; }

    /// <summary>Set when the deal was created, so a retried submit returns the same deal.</summary>
    public int? CreatedDealId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; set; }

    public bool IsExpired(DateTime now) => UpdatedAt + Lifetime < now;

    public void Save(int completedStep, string payload, string? title, DateTime now)
    {
        if (CreatedDealId is not null)
        {
            throw new Common.DomainException("This draft has already become a deal.");
        }

        CompletedStep = Math.Max(CompletedStep, completedStep);
        Payload = payload;
        Title = title is { Length: > 200 } ? title[..200] : title;
        UpdatedAt = now;
    }

    public void MarkCreated(int dealId, DateTime now)
    {
        CreatedDealId = dealId;
        UpdatedAt = now;
    }
}
