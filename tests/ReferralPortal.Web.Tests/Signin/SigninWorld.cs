using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.People;

namespace ReferralPortal.Web.Tests.Signin;

/// <summary>Helpers of the sign-in security tests: copied cookies replayed, landings, log-in forms.</summary>
internal static class SigninWorld
{
    public const string OpenPage = "/referrals/outbound";

    /// <summary>The Cookie header the client sends: what an attacker copies out of a browser.</summary>
    public static async Task<string> CookieOfAsync(PortalClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, OpenPage);
        using var response = await client.Http.SendAsync(request);
        return string.Join("; ", request.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }

    /// <summary>Sends <paramref name="cookie"/> from a client of its own and says where the request lands.</summary>
    public static async Task<string> ReplayAsync(PortalFactory factory, string cookie, string url = OpenPage)
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        using var response = await client.GetAsync(url);
        return Landing(response, url);
    }

    public static async Task<string> LandingAsync(PortalClient client, string url = OpenPage)
    {
        using var response = await client.Http.GetAsync(url);
        return Landing(response, url);
    }

    /// <summary>A new referral user of Northwind, invited and signed in (their own account: tests change its password and factors).</summary>
    public static async Task<(PortalClient Client, string Email)> NewMemberAsync(PortalFactory factory, string role = "ReferralUser", string name = "Signin Person")
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        return await new PeopleWorld(factory).JoinAsync(admin, role, name);
    }

    public static async Task<PortalClient> LoginAsync(PortalFactory factory, string email, string password)
    {
        var client = factory.CreatePortalClient();
        using var response = await client.LoginAsync(email, password);
        return client;
    }

    /// <summary>Posts the Account page's form of <paramref name="action"/>.</summary>
    public static Task<HttpResponseMessage> AccountPostAsync(PortalClient client, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync("/account", action, fields);

    /// <summary>The reset link of the last password e-mail queued for <paramref name="email"/> (path and query).</summary>
    public static async Task<string?> LastResetLinkAsync(PortalFactory factory, string email)
    {
        await using var db = factory.NewDbContext();
        var bodies = await db.EmailOutbox.AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        var link = bodies.Select(b => Regex.Match(b, @"https?://\S+/account/reset-password\?\S+")).LastOrDefault(m => m.Success)?.Value;
        return link is null ? null : new Uri(link).PathAndQuery;
    }

    public static async Task<int> OutboxCountAsync(PortalFactory factory)
    {
        await using var db = factory.NewDbContext();
        return await db.EmailOutbox.CountAsync();
    }

    public static async Task<string> ErrorsAsync(HttpResponseMessage response) =>
        (await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelectorAll(".text-danger, .alert-danger, [role=alert]").Select(e => e.TextContent).Aggregate(string.Empty, (a, b) => a + " " + b);

    public static bool IsLogin(string landing) => landing.Contains("/account/login", StringComparison.Ordinal);

    private static string Landing(HttpResponseMessage response, string url) =>
        response.StatusCode == HttpStatusCode.OK ? url : response.Headers.Location?.OriginalString ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
