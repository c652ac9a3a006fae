using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Notifications;

namespace ReferralPortal.Web.Features.Notifications;

public sealed record NotificationRow(long Id, NotificationKind Kind, int? DealId, NotificationMessage? Message, NotificationArguments? Arguments, string? StoredText, DateTime CreatedAt, bool IsRead)
{
    /// <summary>The sentence in the current UI culture.</summary>
    public string Text => NotificationTexts.Render(Message, Arguments, StoredText, CreatedAt);
}

public sealed record NotificationsPage(IReadOnlyList<NotificationRow> Rows, int Unread);

/// <summary>The signed-in user's notifications (the bell and the list). Always filtered by user, on top of the context's scope.</summary>
public sealed class NotificationQueries(ReferralsDbContext db)
{
    public const int PageSize = 50;

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<NotificationsPage> ListAsync(string userId, CancellationToken ct)
    {
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(PageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.DealId, n.Message, n.Arguments, n.Text, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NotificationsPage(rows, await UnreadCountAsync(userId, ct));
    }
}

/// <summary>Marks one or all of the user's notifications read.</summary>
public sealed class MarkNotificationsRead(ReferralsDbContext db, TimeProvider clock)
{
    /// <returns>The notification's deal, or null when it has none; false when it is not the user's.</returns>
    public async Task<(bool Found, int? DealId)> OneAsync(string userId, long id, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(x => x.Id == id && x.UserId == userId, ct);
        if (n is null)
        {
            return (false, null);
        }

        n.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (true, n.DealId);
    }

    public Task<int> AllAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
