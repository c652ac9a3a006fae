using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Notifications;

/// <summary>The notification list behind the bell; every query and change is limited to the signed-in user.</summary>
[Route("notifications")]
public sealed class NotificationsController(CurrentTenant current, NotificationQueries queries, MarkNotificationsRead markRead) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View("Index", await queries.ListAsync(current.Actor.UserId, ct));

    /// <summary>Marks the notification read and opens its deal.</summary>
    [HttpPost("{id:long}/open")]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var (found, dealId) = await markRead.OneAsync(current.Actor.UserId, id, ct);
        if (!found)
        {
            return NotFound();
        }

        return dealId is int d ? Redirect(Url.Deal(d)) : RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:long}/read")]
    public async Task<IActionResult> Read(long id, CancellationToken ct)
    {
        var (found, _) = await markRead.OneAsync(current.Actor.UserId, id, ct);
        return found ? RedirectToAction(nameof(Index)) : NotFound();
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        await markRead.AllAsync(current.Actor.UserId, ct);
        return RedirectToAction(nameof(Index));
    }
}
