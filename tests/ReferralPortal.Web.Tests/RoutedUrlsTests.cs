using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Features.Deals;
using ReferralPortal.Web.Features.Triage;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Localisation;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, "routes generated, not typed": a URL of the portal is written once, in its controller's route
/// attribute; views, controllers, notifications and e-mails generate links from the routes (tag helpers,
/// <c>Url.Action</c>, <c>PortalLinks</c>, <c>LinkGenerator</c>). The scan reads the web project's sources for a
/// string that starts with one of the app's own route segments, so a hand-typed link fails here, not in a user's browser.
/// </summary>
public sealed partial class RoutedUrlsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// Paths that stay typed, each with its reason: settings read once at start-up, before any request has routes
    /// to generate from (middleware re-execute paths and the cookie's redirect paths), a log-redaction pattern
    /// (what it hides, not a link), and literals that are a cookie's path or an origin check rather than a page.
    /// </summary>
    private static readonly HashSet<(string File, string Literal)> Allowed =
    [
        ("Program.cs", "/error"),
        ("Program.cs", "/error/{0}"),
        ("Infrastructure/IdentitySetup.cs", "/account/login"),
        ("Infrastructure/IdentitySetup.cs", "/account/logout"),
        ("Infrastructure/IdentitySetup.cs", "/error/403"),
        ("Infrastructure/InvitationLinkRedaction.cs", "/invitations/{token}"),
        ("Infrastructure/InvitationLinkRedaction.cs", "/invitations/"),
        ("Infrastructure/InvitationLinkRedaction.cs", "/invitations/[^/?#\\\\s\\"),
        ("Infrastructure/LocalizationSetup.cs", "/"),
        ("Infrastructure/SignInRedirects.cs", "/"),

        // The API: the rate limiter's rejection handler tells API calls from pages by path (set up at start-up),
        // the OpenAPI document's server is the site root, and the reference page is mapped by Scalar without a name.
        ("Features/Api/ApiFeature.cs", "/api"),
        ("Features/Api/ApiFeature.cs", "/"),
        ("Features/ApiTokens/Index.cshtml", "/api/docs"),
    ];

    [Fact]
    public void No_web_source_types_a_path_of_the_apps_own_routes()
    {
        var segments = RouteSegments();
        var found = new List<string>();
        foreach (var file in WebSources())
        {
            var relative = Path.GetRelativePath(SourceTree.Web, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var literal in TypedPaths(lines[i], segments))
                {
                    if (!Allowed.Contains((relative, literal)))
                    {
                        found.Add($"{relative}:{i + 1}: {literal}");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "Hand-typed app URLs (generate them from the route instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_typed_link_in_a_view_a_redirect_and_a_script_but_not_a_route_attribute_or_an_asset()
    {
        var segments = new HashSet<string>(["deals", "referrals"], StringComparer.OrdinalIgnoreCase);

        Assert.Equal(["/deals/@row.Id"], TypedPaths("<a href=\"/deals/@row.Id\">", segments));
        Assert.Equal(["/deals/{id}"], TypedPaths("return Redirect($\"/deals/{id}\");", segments));
        Assert.Equal(["/referrals/outbound"], TypedPaths("fetch('/referrals/outbound')", segments));
        Assert.Equal(["/"], TypedPaths("<a href=\"/\">Home</a>", segments));
        Assert.Empty(TypedPaths("[HttpGet(\"/\")]", segments));
        Assert.Empty(TypedPaths("/// <summary>The home page (\"/\").</summary>", segments));
        Assert.Empty(TypedPaths("app.MapGroup(\"/deals\");", segments));
        Assert.Empty(TypedPaths("baseUrl.TrimEnd('/')", segments));
        Assert.Empty(TypedPaths("<link rel=\"stylesheet\" href=\"~/css/site.css\" />", segments));
        Assert.Empty(TypedPaths("<script src=\"/lib/jquery/dist/jquery.min.js\"></script>", segments));
    }

    [Fact]
    public void Every_lifecycle_action_with_a_button_links_to_a_route_its_controller_serves()
    {
        var links = factory.Services.GetRequiredService<LinkGenerator>();
        var templates = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id:int}", "7", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var action in Enum.GetValues<DealAction>().Where(a => a is not (DealAction.Edit or DealAction.AddNote or DealAction.ManageTeam)))
        {
            // The vendor's triage steps have a controller of their own; every other step is a DealActions action.
            var path = action switch
            {
                DealAction.Withdraw => links.GetPathByAction(nameof(TriageController.Withdraw), PortalLinks.Controller<TriageController>(), new { id = 7 }),
                DealAction.AssignReviewer => links.GetPathByAction(nameof(TriageController.Assign), PortalLinks.Controller<TriageController>(), new { id = 7 }),
                _ => links.GetPathByAction(DealActionsController.ActionFor(action), PortalLinks.Controller<DealActionsController>(), new { id = 7 }),
            };

            Assert.True(path is not null && templates.Contains(path), $"{action}: {path ?? "(no route)"}");
        }
    }

    [Fact]
    public void An_email_link_is_the_portal_address_and_the_deal_pages_route()
    {
        var links = factory.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal("https://portal.example/deals/42", links.DealUrl("https://portal.example/", 42));
        Assert.Equal("https://portal.example/invitations/abc", links.InvitationUrl("https://portal.example", "abc"));
    }

    // The first literal segment of every route the app maps ("deals", "referrals", "team", ...).
    private HashSet<string> RouteSegments()
    {
        var segments = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments.Count > 0)
            .Select(e => e.RoutePattern.PathSegments[0].Parts[0])
            .OfType<Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart>()
            .Select(p => p.Content)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Contains("deals", segments);
        return segments;
    }

    private static IEnumerable<string> WebSources() =>
        Directory.EnumerateFiles(SourceTree.Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // A quoted string that is "/" or starts with "/<route segment>"; route definitions themselves are skipped.
    private static List<string> TypedPaths(string line, HashSet<string> segments)
    {
        if (RouteDefinition().IsMatch(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
        {
            return [];
        }

        // '/' alone is a character (TrimEnd('/')), not a link; "/" alone is the home page.
        return [.. QuotedPath().Matches(line)
            .Where(m => m.Groups["path"].Value != "/" || m.Groups["quote"].Value != "'")
            .Select(m => m.Groups["path"].Value)
            .Where(p => p == "/" || segments.Contains(FirstSegment().Match(p).Groups["segment"].Value))];
    }

    [GeneratedRegex("""^\s*\[(Http\w+|Route|AcceptVerbs)\(|\.Map\w*\(""")]
    private static partial Regex RouteDefinition();

    [GeneratedRegex("""(?<quote>["'`])(?<path>/[^"'`\s]*)""")]
    private static partial Regex QuotedPath();

    [GeneratedRegex("""^/(?<segment>[A-Za-z][\w-]*)""")]
    private static partial Regex FirstSegment();
}
