namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// Per-request facts the layout's header shows (the unread notifications, whether the user's organisation has a
/// co-sell ready solution for the New deal button), when the page's own query already read them: the workspace
/// reads them with its badge counts in one round trip (issue 17), so the bell and the toolbar do not query again.
/// Null means "not read yet"; the header then reads it itself.
/// </summary>
public sealed class HeaderFacts
{
    public int? UnreadNotifications { get; set; }

    public bool? HasReadySolution { get; set; }
}
