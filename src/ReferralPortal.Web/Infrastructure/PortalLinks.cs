using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Features.NewDeal;
using ReferralPortal.Web.Features.Workspace;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// The links several pages, controllers and e-mails share, generated from the controllers' routes: the route
/// attribute is the only place a URL is written, so renaming one moves every link with it (issue 18). A plain
/// link in one view uses the anchor and form tag helpers (<c>asp-controller</c>, <c>asp-action</c>,
/// <c>asp-route-*</c>) directly; <c>RoutedUrlsTests</c> fails when a hand-typed app path comes back.
/// </summary>
public static class PortalLinks
{
    /// <summary>The controller's route name, from its type (so a renamed controller breaks the build, not a link).</summary>
    public static string Controller<T>()
        where T : ControllerBase => typeof(T).Name[..^"Controller".Length];

    /// <summary>The name of the site root's route (the workspace's Index also answers on "/referrals").</summary>
    public const string HomeRoute = "Home";

    /// <summary>The home page ("/"): the signed-in user's default workspace tab.</summary>
    public static string Home(this IUrlHelper url) => Required(url.RouteUrl(HomeRoute), "home");

    public static string Deal(this IUrlHelper url, int dealId) =>
        Required(url.Action(nameof(DealsController.Details), Controller<DealsController>(), new { id = dealId }), "deal page");

    /// <summary>The URL a lifecycle action posts to (and, for actions with a form page, the page itself).</summary>
    public static string DealAction(this IUrlHelper url, int dealId, DealAction action) =>
        Required(url.Action(DealActionsController.ActionFor(action), Controller<DealActionsController>(), new { id = dealId }), action.ToString());

    /// <summary>A workspace tab; the filter's query string is appended by the caller.</summary>
    public static string WorkspaceTab(this IUrlHelper url, WorkspaceTab tab) =>
        Required(url.Action(nameof(WorkspaceController.Tab), Controller<WorkspaceController>(), new { tab = WorkspaceTabs.Slug(tab) }), "workspace tab");

    public static string WorkspaceExport(this IUrlHelper url, WorkspaceTab tab) =>
        Required(url.Action(nameof(WorkspaceController.Export), Controller<WorkspaceController>(), new { tab = WorkspaceTabs.Slug(tab) }), "export");

    /// <summary>A step page of a saved draft in the New deal wizard.</summary>
    public static string WizardStep(this IUrlHelper url, Guid draftId, int step) =>
        Required(url.Action(NewDealController.ActionFor(step), Controller<NewDealController>(), new { draftId }), "wizard step");

    /// <summary>The deal page for an e-mail: <paramref name="baseUrl"/> (<c>Email:PortalUrl</c>) and the routed path.</summary>
    public static string DealUrl(this LinkGenerator links, string baseUrl, int dealId) =>
        Absolute(baseUrl, links.GetPathByAction(nameof(DealsController.Details), Controller<DealsController>(), new { id = dealId }), "deal page");

    /// <summary>The invitation's accept page for an e-mail or the bootstrap command's output.</summary>
    public static string InvitationUrl(this LinkGenerator links, string baseUrl, string token) =>
        Absolute(baseUrl, links.GetPathByAction(nameof(InvitationsController.Accept), Controller<InvitationsController>(), new { token }), "invitation");

    private static string Absolute(string baseUrl, string? path, string what) => baseUrl.TrimEnd('/') + Required(path, what);

    // No route means a renamed action or a missing value: fail where the link is made, never print an empty href.
    private static string Required(string? url, string what) =>
        url ?? throw new InvalidOperationException($"No route generates the {what} link.");
}
