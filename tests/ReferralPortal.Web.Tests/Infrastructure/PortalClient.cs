using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ReferralPortal.Data.Seeding;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads pages with AngleSharp and posts forms with their anti-forgery token.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> LoginAsync(string email, string password = DemoAccounts.Password)
    {
        var response = await PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    /// <summary>Where the browser lands from <paramref name="url"/>: the redirects followed (at most five).</summary>
    public async Task<string> LandingAsync(string url)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            using var response = await Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                return url;
            }

            url = response.Headers.Location!.OriginalString;
        }

        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>The top bar's language switch, as a click on it sends it.</summary>
    public Task<HttpResponseMessage> SwitchLanguageAsync(string culture, string returnUrl = "/") =>
        Http.GetAsync($"/culture/{Uri.EscapeDataString(culture)}?returnUrl={Uri.EscapeDataString(returnUrl)}");

    public async Task<IHtmlDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} gave {(int)response.StatusCode}, expected {(int)expected}.\n{body[..Math.Min(body.Length, 2000)]}");
        return await Parser.ParseDocumentAsync(body);
    }

    public static Task<IHtmlDocument> ParseAsync(string html) => Parser.ParseDocumentAsync(html);

    /// <summary>Reads the anti-forgery token from the page at <paramref name="pageUrl"/>, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await GetPageAsync(pageUrl);
        return await PostWithTokenAsync(page, action, fields);
    }

    public async Task<HttpResponseMessage> PostWithTokenAsync(IHtmlDocument page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no anti-forgery token.");
        var all = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(all);
        return await Http.PostAsync(action, content);
    }

    public void Dispose() => Http.Dispose();
}
