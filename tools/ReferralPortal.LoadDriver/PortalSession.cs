using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ReferralPortal.LoadDriver;

/// <summary>A signed-in HTTP session that reads forms and posts them with their anti-forgery token.</summary>
internal sealed class PortalSession : IDisposable
{
    public const string DemoPassword = "Demo!2026";
    private static readonly HtmlParser Parser = new();
    private readonly CookieContainer cookies = new();
    private readonly HttpClientHandler handler;

    public PortalSession(Uri baseUrl)
    {
        BaseUrl = baseUrl;
        handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        Http = new HttpClient(handler) { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public string CookieHeader => cookies.GetCookieHeader(BaseUrl);

    public async Task LoginAsync(string email)
    {
        var page = await GetPageAsync("/account/login");
        var response = await PostAsync(page, "/account/login", [new("Email", email), new("Password", DemoPassword)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }
    }

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        }

        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> PostAsync(IHtmlDocument page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No anti-forgery token on the page.");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await Http.PostAsync(action, content);
    }

    public void Dispose()
    {
        Http.Dispose();
        handler.Dispose();
    }
}
