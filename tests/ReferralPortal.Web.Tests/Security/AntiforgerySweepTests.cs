using System.Globalization;
using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// Every unsafe endpoint, posted by a user the policy lets through with a body that would otherwise be carried
/// out: without a token, or with another session's token, the answer is 400 and nothing changes.
/// </summary>
public sealed class AntiforgerySweepTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    [Fact]
    public async Task Every_unsafe_endpoint_rejects_a_post_without_a_valid_token_and_changes_nothing()
    {
        var world = new SecurityWorld(factory);
        var personas = await world.PersonasAsync();
        var northwindAdmin = personas[1];
        var deal = (await world.ActiveCoSellDealAsync(northwindAdmin.OrganisationId!.Value))!.Value;
        var solution = await world.FirstSolutionAsync(northwindAdmin.OrganisationId.Value);
        var routes = PortalRoutes.All(factory).Where(r => r.IsUnsafe).ToList();
        var member = await world.NewMemberAsync(northwindAdmin.OrganisationId.Value, Domain.Organisations.PortalRole.ReferralUser);
        var invitation = await world.NewInvitationAsync(northwindAdmin.OrganisationId.Value, Domain.Organisations.PortalRole.ReferralUser);
        var partner = await world.NewPartnerAsync();
        var sessions = new Dictionary<string, PortalClient>();
        using var stranger = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var strangersToken = await SecurityWorld.TokenAsync(stranger, true);
        var failures = new List<string>();
        var requests = 0;

        try
        {
            foreach (var route in routes)
            {
                var email = AllowedUser(route);
                var persona = personas.Single(p => p.Email == email);
                if (email is not null && !sessions.ContainsKey(email))
                {
                    sessions[email] = await factory.LoginAsync(email);
                }

                var client = email is null ? factory.CreatePortalClient() : sessions[email];
                var notification = persona.Email is null ? 0 : await world.NewNotificationAsync(persona, deal);
                var draft = route.Parameters.Contains("draftId") ? await world.NewDraftAsync(northwindAdmin) : Guid.Empty;
                var url = route.Url(name => name switch
                {
                    "id" when route.Controller == "Solutions" => Text(solution),
                    "id" when route.Controller == "Notifications" => Text(notification),
                    "id" when route.Controller == "Team" && route.Template.Contains("members", StringComparison.Ordinal) => member,
                    "id" when route.Controller == "Team" => Text(invitation.Id),
                    "id" when route.Controller == "Partners" => Text(partner),
                    "token" => invitation.Token,
                    "id" => Text(deal),
                    "draftId" => draft.ToString(),
                    "deliveryId" => "1",
                    _ => throw new InvalidOperationException($"No value for {name} in {route.Key}."),
                });

                foreach (var token in new[] { null, strangersToken })
                {
                    var before = await world.FingerprintAsync();
                    using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent(Body(token)));
                    requests++;
                    if (response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"{route.Key} as {persona} with {(token is null ? "no token" : "another user's token")}: {(int)response.StatusCode}");
                    }

                    SecurityWorld.Unchanged(before, await world.FingerprintAsync(), $"{route.Key} without a valid token");
                }
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
        }

        PortalRoutes.Report($"Anti-forgery sweep: {routes.Count} unsafe endpoints x 2 (no token, another session's token) = {requests} requests, {failures.Count} accepted.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Favourite_posted_by_script_without_a_token_is_rejected()
    {
        var world = new SecurityWorld(factory);
        var personas = await world.PersonasAsync();
        var deal = (await world.ActiveCoSellDealAsync(personas[1].OrganisationId!.Value))!.Value;
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var before = await world.FingerprintAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/deals/{deal}/favourite")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Favourite"] = "true" }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        SecurityWorld.Unchanged(before, await world.FingerprintAsync(), "A script's favourite without a token");
    }

    /// <summary>The user whose policy admits the route, so only the missing token can stop the request.</summary>
    private static string? AllowedUser(PortalRoute route) => route switch
    {
        { Controller: "Account", Action: "Login" } or { Controller: "Invitations" } => null,
        { Controller: "Partners" } => DemoAccounts.ProgrammeAdmin,
        { Controller: "Inbound" or "Triage" or "BulkDecisions" } or { Action: "ApproveRegistration" or "RejectRegistration" or "Accept" or "Decline" } => DemoAccounts.Reviewer,
        { Controller: "Solutions", Action: "Status" } => DemoAccounts.ProgrammeAdmin,
        _ => DemoAccounts.NorthwindAdmin,
    };

    /// <summary>A body that would be carried out if the token were not checked.</summary>
    private static Dictionary<string, string> Body(string? token)
    {
        var fields = new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.NorthwindAdmin,
            ["Password"] = DemoAccounts.Password,
            ["Favourite"] = "true",
            ["NoteInput.Text"] = "Forged note",
            ["Input.Reason"] = "Other",
            ["Input.Comment"] = "Forged",
            ["Input.Note"] = "Forged",
            ["Input.Name"] = "Forged solution",
            ["Input.Marketplace"] = "Published",
            ["Input.Share"] = "true",
            ["skip"] = "true",
            ["customerId"] = "1",
            ["country"] = "PT",
            ["role"] = "ReferralAdmin",
            ["Invite.Email"] = "forged@invite.example",
            ["Invite.Role"] = "ReferralUser",
            ["Onboard.OrganisationName"] = "Forged Partner",
            ["Onboard.Country"] = "PT",
            ["Onboard.AdminEmail"] = "forged@partner.example",
            ["Input.DisplayName"] = "Forged Person",
            ["Input.Password"] = "a forged password",
            ["Input.ConfirmPassword"] = "a forged password",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return fields;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
