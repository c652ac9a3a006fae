using System.Globalization;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// Every controller action the app maps, for anonymous and each demo user, against an expected outcome. The
/// route list comes from the endpoint data source: an action missing from <see cref="Expected"/> fails the test.
/// Deal actions target an active outbound co-sell deal of the user's own organisation (Fabrikam has none, so it
/// gets Northwind's; the vendor sees Northwind's). State-changing deal posts carry a stale version, so a user the
/// policy and the resource check let through gets 409 (nothing saved) instead of changing the deal; the domain's
/// state rules are proven by the lifecycle tests.
/// </summary>
public sealed class AuthorisationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Columns: anonymous, Northwind admin, Northwind sales, Fabrikam admin, Adventure Works admin, reviewer, programme admin.
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["Account.Login [GET] /account/login"] = "Ok Ok Ok Ok Ok Ok Ok",
        ["Account.Login [POST] /account/login"] = "Invalid Invalid Invalid Invalid Invalid Invalid Invalid",
        // Signing out ends on the login page; anonymous is sent there by the fallback policy.
        ["Account.Logout [POST] /account/logout"] = "Login Login Login Login Login Login Login",

        ["Account.TwoFactor [GET] /account/login/two-factor"] = "Login Login Login Login Login Login Login",
        ["Account.TwoFactor [POST] /account/login/two-factor"] = "Login Login Login Login Login Login Login",
        ["PasswordReset.Forgot [GET] /account/forgot-password"] = "Ok Ok Ok Ok Ok Ok Ok",
        ["PasswordReset.Forgot [POST] /account/forgot-password"] = "Invalid Invalid Invalid Invalid Invalid Invalid Invalid",
        // Without a valid link the reset page answers 410 Gone ("this link cannot be used") and changes nothing.
        ["PasswordReset.Reset [GET] /account/reset-password"] = "Other Other Other Other Other Other Other",
        ["PasswordReset.Reset [POST] /account/reset-password"] = "Other Other Other Other Other Other Other",

        // Every signed-in user has an Account page; posts without the form's fields are Invalid.
        ["AccountSettings.Index [GET] /account"] = "Login Ok Ok Ok Ok Ok Ok",
        ["AccountSettings.Profile [POST] /account/profile"] = "Login Invalid Invalid Invalid Invalid Invalid Invalid",
        ["AccountSettings.ChangePassword [POST] /account/password"] = "Login Invalid Invalid Invalid Invalid Invalid Invalid",
        ["AccountSettings.Authenticator [GET] /account/authenticator"] = "Login Ok Ok Ok Ok Ok Ok",
        ["AccountSettings.Authenticator [POST] /account/authenticator"] = "Login Invalid Invalid Invalid Invalid Invalid Invalid",
        ["AccountSettings.RecoveryCodes [POST] /account/recovery-codes"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",
        ["AccountSettings.DisableAuthenticator [POST] /account/authenticator/disable"] = "Login Invalid Invalid Invalid Invalid Invalid Invalid",

        // Ends every session of the user, so it runs last for each user, in a session of its own.
        ["AccountSettings.SignOutEverywhere [POST] /account/sign-out-everywhere"] = "Login Login Login Login Login Login Login",

        ["DealActions.Accept [POST] /deals/{id:int}/accept"] = "Login Conflict Conflict NotFound Conflict Conflict Conflict",
        ["DealActions.Decline [GET] /deals/{id:int}/decline"] = "Login Forbidden Forbidden NotFound Forbidden Forbidden Forbidden",
        ["DealActions.Decline [POST] /deals/{id:int}/decline"] = "Login Forbidden Forbidden NotFound Forbidden Forbidden Forbidden",
        ["DealActions.Won [GET] /deals/{id:int}/won"] = "Login Ok Forbidden NotFound Ok Forbidden Forbidden",
        ["DealActions.Won [POST] /deals/{id:int}/won"] = "Login Conflict Forbidden NotFound Conflict Forbidden Forbidden",
        ["DealActions.Lost [GET] /deals/{id:int}/lost"] = "Login Ok Forbidden NotFound Ok Forbidden Forbidden",
        ["DealActions.Lost [POST] /deals/{id:int}/lost"] = "Login Invalid Forbidden NotFound Invalid Forbidden Forbidden",
        ["DealActions.CloseAsError [GET] /deals/{id:int}/close-as-error"] = "Login Ok Forbidden NotFound Ok Forbidden Forbidden",
        ["DealActions.CloseAsError [POST] /deals/{id:int}/close-as-error"] = "Login Invalid Forbidden NotFound Invalid Forbidden Forbidden",
        ["DealActions.Upgrade [GET] /deals/{id:int}/upgrade"] = "Login Forbidden Forbidden NotFound Forbidden Forbidden Forbidden",
        ["DealActions.Upgrade [POST] /deals/{id:int}/upgrade"] = "Login Conflict Forbidden NotFound Conflict Forbidden Forbidden",
        ["DealActions.SubmitRegistration [POST] /deals/{id:int}/registration/submit"] = "Login Conflict Forbidden NotFound Conflict Forbidden Forbidden",
        ["DealActions.ApproveRegistration [POST] /deals/{id:int}/registration/approve"] = "Login Forbidden Forbidden Forbidden Forbidden Conflict Conflict",
        ["DealActions.RejectRegistration [GET] /deals/{id:int}/registration/reject"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Forbidden",
        ["DealActions.RejectRegistration [POST] /deals/{id:int}/registration/reject"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Forbidden",

        // Issue 14: the sales user is not on the deal's team, so the edit form refuses them; the vendor never edits,
        // staffs or moves a partner's deal.
        ["DealActions.MoveStage [POST] /deals/{id:int}/stage"] = "Login Conflict Conflict NotFound Conflict Forbidden Forbidden",
        ["DealActions.AddTeamMember [POST] /deals/{id:int}/team/add"] = "Login Conflict Forbidden NotFound Conflict Forbidden Forbidden",
        ["DealActions.RemoveTeamMember [POST] /deals/{id:int}/team/remove"] = "Login Conflict Forbidden NotFound Conflict Forbidden Forbidden",
        ["DealEdit.Edit [GET] /deals/{id:int}/edit"] = "Login Ok Forbidden NotFound Ok Forbidden Forbidden",
        ["DealEdit.Edit [POST] /deals/{id:int}/edit"] = "Login Invalid Forbidden NotFound Invalid Forbidden Forbidden",
        ["TeamSettings.Index [GET] /team/settings"] = "Login Ok Forbidden Ok Ok Forbidden Forbidden",
        ["TeamSettings.Index [POST] /team/settings"] = "Login Invalid Forbidden Invalid Invalid Forbidden Forbidden",

        ["Deals.Details [GET] /deals/{id:int}"] = "Login Ok Ok NotFound Ok Ok Ok",
        ["Deals.Favourite [POST] /deals/{id:int}/favourite"] = "Login Redirect Redirect NotFound Redirect Redirect Redirect",
        ["Deals.AddNote [POST] /deals/{id:int}/notes"] = "Login Invalid Invalid NotFound Invalid Invalid Invalid",

        // The language switch is open to everyone: it sets the culture cookie and redirects to a local page.
        ["Culture.Set [GET] /culture/{culture}"] = "Redirect Redirect Redirect Redirect Redirect Redirect Redirect",
        ["Errors.Unexpected [ANY] /error"] = "NotFound NotFound NotFound NotFound NotFound NotFound NotFound",
        ["Errors.Status [ANY] /error/{code:int}"] = "NotFound NotFound NotFound NotFound NotFound NotFound NotFound",

        // The customer picker: the people who choose customers (vendor reviewers, partners the New deal gate admits) are
        // told what a search needs (no country or text here); everyone else is refused before the directory is read.
        ["CustomerPicker.Search [GET] /customers/search"] = "Login Invalid Forbidden Forbidden Invalid Invalid Invalid",
        ["Inbound.New [GET] /inbound/new"] = "Login Forbidden Forbidden Forbidden Forbidden Ok Ok",
        ["Inbound.New [POST] /inbound/new"] = "Login Forbidden Forbidden Forbidden Forbidden Invalid Invalid",

        ["Insights.Index [GET] /insights"] = "Login Ok Ok Ok Ok Ok Ok",
        ["Insights.Data [GET] /insights/data"] = "Login Ok Ok Ok Ok Ok Ok",

        // The wizard's gate: a partner's referral admin whose organisation has a published co-sell ready solution.
        ["NewDeal.Start [GET] /deals/new"] = "Login Ok Forbidden Forbidden Ok Forbidden Forbidden",
        ["NewDeal.Customer [GET] /deals/new/{draftId:guid}/customer"] = "Login Ok Forbidden Forbidden Ok Forbidden Forbidden",
        ["NewDeal.SelectCustomer [POST] /deals/new/customer/select"] = "Login Invalid Forbidden Forbidden Invalid Forbidden Forbidden",
        ["NewDeal.SelectCustomer [POST] /deals/new/{draftId:guid}/customer/select"] = "Login Invalid Forbidden Forbidden Invalid Forbidden Forbidden",
        ["NewDeal.AddCustomer [POST] /deals/new/customer/manual"] = "Login Invalid Forbidden Forbidden Invalid Forbidden Forbidden",
        ["NewDeal.AddCustomer [POST] /deals/new/{draftId:guid}/customer/manual"] = "Login Invalid Forbidden Forbidden Invalid Forbidden Forbidden",

        // A new draft has no step done: later steps send the user back to the first one.
        ["NewDeal.Contact [GET] /deals/new/{draftId:guid}/contact"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Contact [POST] /deals/new/{draftId:guid}/contact"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Details [GET] /deals/new/{draftId:guid}/details"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Details [POST] /deals/new/{draftId:guid}/details"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Sharing [GET] /deals/new/{draftId:guid}/sharing"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Create [POST] /deals/new/{draftId:guid}/create"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",
        ["NewDeal.Discard [POST] /deals/new/{draftId:guid}/discard"] = "Login Redirect Forbidden Forbidden Redirect Forbidden Forbidden",

        ["Notifications.Index [GET] /notifications"] = "Login Ok Ok Ok Ok Ok Ok",
        ["Notifications.Open [POST] /notifications/{id:long}/open"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",
        ["Notifications.Read [POST] /notifications/{id:long}/read"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",
        ["Notifications.ReadAll [POST] /notifications/read-all"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",

        ["Solutions.Index [GET] /solutions"] = "Login Ok Ok Ok Ok Ok Ok",
        ["Solutions.New [GET] /solutions/new"] = "Login Ok Forbidden Ok Ok Forbidden Forbidden",
        ["Solutions.New [POST] /solutions/new"] = "Login Invalid Forbidden Invalid Invalid Forbidden Forbidden",
        ["Solutions.Edit [GET] /solutions/{id:int}/edit"] = "Login Ok Forbidden Ok Ok Forbidden Forbidden",
        ["Solutions.Edit [POST] /solutions/{id:int}/edit"] = "Login Invalid Forbidden Invalid Invalid Forbidden Forbidden",
        ["Solutions.Status [GET] /solutions/{id:int}/status"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Ok",

        // The programme admin gets through the policy; the stale version (as for deals) makes it a 409 that saves nothing.
        ["Solutions.Status [POST] /solutions/{id:int}/status"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Conflict",

        // Team: a partner's referral admins and the vendor's programme admins, each on their own organisation only.
        // Member and invitation routes aim at a fresh Northwind member and invitation: its admin changes them, other
        // organisations' admins get 404. Posts carry no role or e-mail, so invite and change role answer Invalid.
        // Issue 15: API tokens, for the organisation's admins; the revoke target is no token of theirs.
        ["ApiTokens.Index [GET] /api-tokens"] = "Login Ok Forbidden Ok Ok Forbidden Ok",
        ["ApiTokens.Create [POST] /api-tokens"] = "Login Invalid Forbidden Invalid Invalid Forbidden Invalid",
        ["ApiTokens.Revoke [POST] /api-tokens/{id:int}/revoke"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",

        // Issue 15: webhooks, for the same admins as API tokens; the endpoint and delivery targets are none of theirs (404).
        ["Webhooks.Index [GET] /webhooks"] = "Login Ok Forbidden Ok Ok Forbidden Ok",
        ["Webhooks.Create [POST] /webhooks"] = "Login Invalid Forbidden Invalid Invalid Forbidden Invalid",
        ["Webhooks.Rotate [POST] /webhooks/{id:int}/rotate"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",
        ["Webhooks.Disable [POST] /webhooks/{id:int}/disable"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",
        ["Webhooks.Enable [POST] /webhooks/{id:int}/enable"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",
        ["Webhooks.Delete [POST] /webhooks/{id:int}/delete"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",
        ["Webhooks.Deliveries [GET] /webhooks/{id:int}/deliveries"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",
        ["Webhooks.Redeliver [POST] /webhooks/{id:int}/deliveries/{deliveryId:long}/redeliver"] = "Login NotFound Forbidden NotFound NotFound Forbidden NotFound",

        ["Team.Index [GET] /team"] = "Login Ok Forbidden Ok Ok Forbidden Ok",
        ["Team.Invite [POST] /team/invite"] = "Login Invalid Forbidden Invalid Invalid Forbidden Invalid",
        ["Team.Resend [POST] /team/invitations/{id:int}/resend"] = "Login Redirect Forbidden NotFound NotFound Forbidden NotFound",
        ["Team.Revoke [POST] /team/invitations/{id:int}/revoke"] = "Login Redirect Forbidden NotFound NotFound Forbidden NotFound",
        ["Team.ChangeRole [POST] /team/members/{id:guid}/role"] = "Login Invalid Forbidden NotFound NotFound Forbidden NotFound",
        ["Team.Deactivate [POST] /team/members/{id:guid}/deactivate"] = "Login Redirect Forbidden NotFound NotFound Forbidden NotFound",
        ["Team.Reactivate [POST] /team/members/{id:guid}/reactivate"] = "Login Redirect Forbidden NotFound NotFound Forbidden NotFound",

        // Partners: programme admins only, on a fresh partner (reactivating an active partner is refused; suspending it works).
        ["Partners.Index [GET] /partners"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Ok",
        ["Partners.Onboard [POST] /partners"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Invalid",
        ["Partners.Details [GET] /partners/{id:int}"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Ok",
        ["Partners.Reactivate [POST] /partners/{id:int}/reactivate"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Forbidden",
        ["Partners.Suspend [POST] /partners/{id:int}/suspend"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Redirect",

        // The invitation link is the credential: anyone holding it sees the page; a post without the form's fields is Invalid.
        ["Invitations.Accept [GET] /invitations/{token}"] = "Ok Ok Ok Ok Ok Ok Ok",
        ["Invitations.Accept [POST] /invitations/{token}"] = "Invalid Invalid Invalid Invalid Invalid Invalid Invalid",

        // Issue 19: the solution area is the partner admin's (a stale version is a 409); the vendor's triage is reviewers' only.
        ["Solutions.Area [POST] /solutions/{id:int}/area"] = "Login Conflict Forbidden Conflict Conflict Forbidden Forbidden",
        ["Triage.Conflicts [GET] /deals/{id:int}/conflicts"] = "Login Forbidden Forbidden Forbidden Forbidden Ok Ok",
        ["Triage.NotAConflict [POST] /deals/{id:int}/conflicts/not-a-conflict"] = "Login Forbidden Forbidden Forbidden Forbidden NotFound NotFound",
        ["Triage.Assign [POST] /deals/{id:int}/assign"] = "Login Forbidden Forbidden Forbidden Forbidden Conflict Conflict",
        // Withdraw is for inbound referrals still New; the matrix's deal is an active outbound one, so reviewers are refused too.
        ["Triage.Withdraw [GET] /deals/{id:int}/withdraw"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Forbidden",
        ["Triage.Withdraw [POST] /deals/{id:int}/withdraw"] = "Login Forbidden Forbidden Forbidden Forbidden Forbidden Forbidden",
        ["BulkDecisions.Decide [POST] /referrals/shared/decisions"] = "Login Forbidden Forbidden Forbidden Forbidden Invalid Invalid",

        ["Workspace.Index [GET] /"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",
        ["Workspace.Index [GET] /referrals"] = "Login Redirect Redirect Redirect Redirect Redirect Redirect",
        ["Workspace.Tab [GET] /referrals/{tab}"] = "Login Ok Ok Ok Ok Ok Ok",
        ["Workspace.Export [GET] /referrals/{tab}/export"] = "Login Ok Ok Ok Ok Ok Ok",
    };

    [Fact]
    public void Every_mapped_action_has_an_expected_outcome_for_every_user()
    {
        var routes = PortalRoutes.All(factory);

        var missing = routes.Select(r => r.Key).Where(k => !Expected.ContainsKey(k)).ToList();
        var stale = Expected.Keys.Except(routes.Select(r => r.Key)).ToList();

        Assert.True(missing.Count == 0, "Actions without expectations (add them to the table):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Expectations for actions that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_action_gives_each_user_the_expected_outcome()
    {
        var world = new SecurityWorld(factory);
        var personas = await world.PersonasAsync();
        var routes = PortalRoutes.All(factory).Where(r => Expected.ContainsKey(r.Key))
            .OrderBy(r => r.Action == "SignOutEverywhere") // ends the user's other sessions: last
            .ToList();
        var northwind = await world.OrganisationIdAsync(DemoAccounts.Northwind);
        var northwindAdmin = personas[1];
        var member = await world.NewMemberAsync(northwind, Domain.Organisations.PortalRole.ReferralUser);
        var invitation = await world.NewInvitationAsync(northwind, Domain.Organisations.PortalRole.ReferralUser);
        var partner = await world.NewPartnerAsync();
        var link = await world.NewInvitationAsync(northwind, Domain.Organisations.PortalRole.ReferralUser); // not resent, so its token keeps working
        var failures = new List<string>();
        var requests = 0;

        foreach (var persona in personas)
        {
            using var client = persona.Email is null ? factory.CreatePortalClient() : await factory.LoginAsync(persona.Email);
            var token = await SecurityWorld.TokenAsync(client, persona.Email is not null);
            var ownDeal = persona.IsPartner ? await world.ActiveCoSellDealAsync(persona.OrganisationId!.Value) : null;
            var deal = ownDeal ?? (await world.ActiveCoSellDealAsync(northwind))!.Value;
            var solution = persona.IsPartner
                ? await world.FirstSolutionAsync(persona.OrganisationId!.Value)
                : await world.FirstSolutionAsync(northwind, "Northwind Edge Gateway");
            var notification = persona.Email is null
                ? await world.NewNotificationAsync(northwindAdmin, deal)
                : await world.NewNotificationAsync(persona, deal);
            var tab = persona.IsVendor ? "shared" : "outbound";

            foreach (var route in routes)
            {
                var draft = route.Template.Contains("{draftId", StringComparison.Ordinal)
                    ? await world.NewDraftAsync(persona.IsPartner ? persona : northwindAdmin)
                    : Guid.Empty;
                var url = route.Url(name => name switch
                {
                    "id" when route.Controller == "Solutions" => solution.ToString(CultureInfo.InvariantCulture),
                    "id" when route.Controller == "Notifications" => notification.ToString(CultureInfo.InvariantCulture),
                    "id" when route.Controller == "Team" && route.Template.Contains("members", StringComparison.Ordinal) => member,
                    "id" when route.Controller == "Team" => invitation.Id.ToString(CultureInfo.InvariantCulture),
                    "id" when route.Controller == "Partners" => partner.ToString(CultureInfo.InvariantCulture),
                    "token" => link.Token,
                    "deliveryId" => "1",
                    "id" => deal.ToString(CultureInfo.InvariantCulture),
                    "draftId" => draft.ToString(),
                    "tab" => tab,
                    "code" => "404",
                    "culture" => "pt-PT",
                    _ => throw new InvalidOperationException($"No value for route parameter {name} of {route.Key}."),
                });

                var expected = Enum.Parse<Outcome>(Expected[route.Key].Split(' ')[personas.ToList().IndexOf(persona)]);
                Outcome actual;
                if (route.Action is "Logout" or "SignOutEverywhere" && persona.Email is not null)
                {
                    // Signing out ends the session the other rows need: use a session of its own.
                    using var own = await factory.LoginAsync(persona.Email);
                    actual = await SendAsync(own, route, url, await SecurityWorld.TokenAsync(own, true));
                }
                else
                {
                    actual = await SendAsync(client, route, url, token);
                }

                requests++;
                if (actual != expected)
                {
                    failures.Add($"{route.Key} as {persona} ({url}): expected {expected}, got {actual}");
                }
            }
        }

        PortalRoutes.Report($"Authorisation matrix: {routes.Count} routes x {personas.Count} users (incl. anonymous) = {requests} requests, {failures.Count} unexpected.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<Outcome> SendAsync(PortalClient client, PortalRoute route, string url, string token)
    {
        using var request = new HttpRequestMessage(route.SendMethod, url);
        if (route.IsUnsafe)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,

                // A stale version: whoever gets through gets 409 and the deal stays as it was.
                ["version"] = "-1",

                // Setting a favourite is idempotent; it shows the request was carried out.
                ["Favourite"] = "true",
            });
        }

        using var response = await client.Http.SendAsync(request);
        return await Outcomes.ClassifyAsync(response);
    }
}
