using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Workspace;

/// <summary>The workspace tabs of SPEC 5: partners see Inbound/Outbound/Favorites, the vendor Shared with us/Sent/Favorites.</summary>
public enum WorkspaceTab
{
    Inbound,
    Outbound,
    Shared,
    Sent,
    Favorites,

    /// <summary>The vendor's queue of registrations awaiting a decision, oldest submission first (issue 19).</summary>
    Registrations,
}

public static class WorkspaceTabs
{
    public static IReadOnlyList<WorkspaceTab> For(Actor actor) => actor.IsVendor
        ? [WorkspaceTab.Shared, WorkspaceTab.Registrations, WorkspaceTab.Sent, WorkspaceTab.Favorites]
        : [WorkspaceTab.Inbound, WorkspaceTab.Outbound, WorkspaceTab.Favorites];

    public static WorkspaceTab Default(Actor actor) => actor.IsVendor ? WorkspaceTab.Shared : WorkspaceTab.Outbound;

    public static string Label(WorkspaceTab tab) => SharedResource.Text(tab switch
    {
        WorkspaceTab.Shared => "Shared with us",
        _ => tab.ToString(),
    });

    public static string Slug(WorkspaceTab tab) => tab.ToString().ToLowerInvariant();

    public static WorkspaceTab? Parse(string? slug) =>
        Enum.TryParse<WorkspaceTab>(slug, ignoreCase: true, out var tab) && Enum.IsDefined(tab) && !int.TryParse(slug, out _) ? tab : null;
}
