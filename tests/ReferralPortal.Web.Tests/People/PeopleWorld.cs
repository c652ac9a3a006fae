using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.People;

/// <summary>People through the real pages: an admin invites on the Team page, the invited person accepts the link.</summary>
public sealed class PeopleWorld(PortalFactory factory)
{
    public const string Password = "a long invited passphrase";

    public PortalFactory Factory => factory;

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}"[..(who.Length + 9)] + "@people.example";

    /// <summary>Invite member on the Team page; returns the link the page shows once.</summary>
    public static async Task<string> InviteAsync(PortalClient admin, string email, string role)
    {
        using var response = await admin.PostFormAsync("/team", "/team/invite", new Dictionary<string, string> { ["Invite.Email"] = email, ["Invite.Role"] = role });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Invite answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ShownLinkAsync(admin, "/team");
    }

    /// <summary>The invitation link shown once on the page an invitation redirected to.</summary>
    public static async Task<string> ShownLinkAsync(PortalClient admin, string page)
    {
        var document = await admin.GetPageAsync(page);
        return document.QuerySelector("#issued-link")?.GetAttribute("value") ?? throw new InvalidOperationException("No invitation link on " + page);
    }

    /// <summary>The link's path (the test server's links name http://localhost).</summary>
    public static string PathOf(string link) => new Uri(link).AbsolutePath;

    public static string TokenOf(string link) => PathOf(link)["/invitations/".Length..];

    public static Task<HttpResponseMessage> AcceptAsync(PortalClient client, string link, string name = "Invited Person", string password = Password, string? confirm = null) =>
        client.PostFormAsync(PathOf(link), PathOf(link), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });

    /// <summary>Invites a new member with the role and accepts as them: their signed-in client and address.</summary>
    public async Task<(PortalClient Client, string Email)> JoinAsync(PortalClient admin, string role, string name = "Invited Person")
    {
        var email = NewEmail("member");
        var link = await InviteAsync(admin, email, role);
        var client = factory.CreatePortalClient();
        using var accepted = await AcceptAsync(client, link, name);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return (client, email);
    }

    public async Task<PortalUser> UserAsync(string email)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    /// <summary>Where a signed-in page request ends up: the page itself (200), or the login page when the session ended.</summary>
    public static async Task<string> LandingAsync(PortalClient client, string url)
    {
        using var response = await client.Http.GetAsync(url);
        return response.StatusCode == HttpStatusCode.OK ? url : response.Headers.Location?.OriginalString ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
