using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, defect 1 and its class: signed in as each demo user, follows every same-site link and GET form it
/// finds from the home page (one request per route shape, bounded) and fails on a 404, a 5xx, or an href that
/// still holds Razor source. A test that requests a URL it wrote itself never sees a link the page got wrong.
/// </summary>
public sealed partial class LinkCrawlTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int MaxRequests = 250;

    public static TheoryData<string> Users => [.. DemoAccounts.All.Select(a => a.Email)];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_link_and_get_form_reachable_from_home_answers_without_404_or_5xx_and_holds_no_razor_source(string email)
    {
        using var client = await factory.LoginAsync(email);
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From)>();
        queue.Enqueue(("/", "(start)"));
        seen.Add(Shape("/"));
        var requests = 0;
        while (queue.Count > 0 && requests < MaxRequests)
        {
            var (url, from) = queue.Dequeue();
            requests++;
            using var response = await client.Http.GetAsync(url);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotFound || status >= 500)
            {
                problems.Add($"GET {url} (linked from {from}) gave {status}");
                continue;
            }

            var found = new List<string>();
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                found.Add(location.OriginalString);
            }
            else if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
                found.AddRange(Links(page, url, problems));
            }

            foreach (var next in found)
            {
                if (SameSitePath(next) is { } path && seen.Add(Shape(path)))
                {
                    queue.Enqueue((path, url));
                }
            }
        }

        Assert.True(requests > 10, $"The crawl reached only {requests} pages: it did not get past the home page.");
        Assert.True(problems.Count == 0, $"{email} after {requests} requests:\n" + string.Join("\n", problems));
    }

    // Every href and every GET form's action with its fields as the browser would send them unchanged.
    private static IEnumerable<string> Links(IHtmlDocument page, string url, List<string> problems)
    {
        foreach (var a in page.QuerySelectorAll("a[href]"))
        {
            var href = a.GetAttribute("href")!;
            if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (href.Contains('@', StringComparison.Ordinal) || href.Contains("=>", StringComparison.Ordinal))
            {
                problems.Add($"{url}: link “{a.TextContent.Trim()}” has Razor source in its href: {href}");
                continue;
            }

            yield return href;
        }

        foreach (var form in page.Forms.Where(f => !string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a ? a : new Uri(url, UriKind.Relative).OriginalString.Split('?')[0];
            if (action.Contains('@', StringComparison.Ordinal) || action.Contains("=>", StringComparison.Ordinal))
            {
                problems.Add($"{url}: a form's action has Razor source: {action}");
                continue;
            }

            var fields = form.Elements
                .Select(e => e switch
                {
                    IHtmlInputElement i when i.Type is "submit" or "button" or "reset" => null,
                    IHtmlInputElement i when i.Type is "checkbox" or "radio" && !i.IsChecked => null,
                    IHtmlInputElement i => (i.Name, i.Value),
                    IHtmlSelectElement s => (s.Name, s.Value),
                    IHtmlTextAreaElement t => (t.Name, t.Value),
                    _ => ((string? Name, string? Value)?)null,
                })
                .OfType<(string? Name, string? Value)>()
                .Where(x => !string.IsNullOrEmpty(x.Name))
                .Select(x => $"{Uri.EscapeDataString(x.Name!)}={Uri.EscapeDataString(x.Value ?? string.Empty)}");
            yield return action + "?" + string.Join("&", fields);
        }
    }

    // Same-site paths only (no scheme, host, fragment-only or script links); the fragment is dropped.
    private static string? SameSitePath(string href)
    {
        var h = href.Split('#')[0];
        if (h.Length == 0 || !h.StartsWith('/') || h.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        // Static files are not routes; signing out would end the crawl.
        return h.StartsWith("/lib/", StringComparison.Ordinal) || h.StartsWith("/css/", StringComparison.Ordinal)
            || h.StartsWith("/js/", StringComparison.Ordinal) || h.StartsWith("/account/logout", StringComparison.Ordinal) ? null : h;
    }

    /// <summary>Numbers and GUIDs in the path become placeholders and only the query's names count: one request per shape.</summary>
    private static string Shape(string path)
    {
        var parts = path.Split('?', 2);
        var route = NumberOrGuid().Replace(parts[0], "{id}");
        var names = parts.Length == 2
            ? parts[1].Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Distinct().Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return route + "?" + string.Join("&", names);
    }

    [GeneratedRegex(@"(?<=/)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+)(?=/|$)", RegexOptions.None, 1000)]
    private static partial Regex NumberOrGuid();
}
