using System.Net;
using ReferralPortal.Web.Tests.Infrastructure;

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

    public static bool IsLogin(string landing) => landing.Contains("/account/login", StringComparison.Ordinal);

    private static string Landing(HttpResponseMessage response, string url) =>
        response.StatusCode == HttpStatusCode.OK ? url : response.Headers.Location?.OriginalString ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
