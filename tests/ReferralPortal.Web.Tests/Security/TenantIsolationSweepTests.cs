using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Security;

/// <summary>
/// Each partner user tries every other partner's deal, solution, draft and notification ids on every route that
/// takes one (GET and POST, the POSTs with a valid token and a body that would succeed on their own data): every
/// answer is 404 or 403 and the database is unchanged.
/// </summary>
public sealed class TenantIsolationSweepTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    [Fact]
    public async Task Partner_users_get_404_or_403_for_every_other_tenants_id_on_every_route_and_nothing_changes()
    {
        var world = new SecurityWorld(factory);
        var personas = await world.PersonasAsync();
        var partners = personas.Where(p => p.IsPartner).ToList();
        var users = personas.Where(p => p.Email is not null).ToList();
        var drafts = new Dictionary<string, Guid>();
        var notifications = new Dictionary<string, long>();
        foreach (var organisation in personas.Where(p => p.OrganisationId is not null).Select(p => p.OrganisationId!.Value).Distinct())
        {
            await world.NewInvitationAsync(organisation, personas.First(p => p.OrganisationId == organisation).IsVendor
                ? Domain.Organisations.PortalRole.Reviewer : Domain.Organisations.PortalRole.ReferralUser);
        }

        foreach (var user in users)
        {
            if (user.IsPartner)
            {
                drafts[user.UserId!] = await world.NewDraftAsync(user);
            }

            notifications[user.UserId!] = await world.NewNotificationAsync(user, null);
        }

        await using (var db = factory.NewDbContext())
        {
            var deals = await db.Deals.IgnoreQueryFilters().AsNoTracking().Select(d => new { d.Id, d.OwnerOrganisationId, d.Version }).ToListAsync();
            var solutions = await db.Solutions.IgnoreQueryFilters().AsNoTracking().Select(s => new { s.Id, s.OrganisationId }).ToListAsync();
            var customer = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            var members = await db.Users.AsNoTracking().Select(u => new { u.Id, u.OrganisationId }).ToListAsync();
            var invitations = await db.Invitations.IgnoreQueryFilters().AsNoTracking().Select(i => new { i.Id, i.OrganisationId }).ToListAsync();
            var organisations = await db.Organisations.AsNoTracking().Select(o => o.Id).ToListAsync();
            var routes = PortalRoutes.All(factory).Where(r => r.Parameters.Contains("id") || r.Parameters.Contains("draftId")).ToList();
            await ControlAsync(routes, partners[0], deals.First(d => d.OwnerOrganisationId == partners[0].OrganisationId).Id, customer);
            var before = await world.FingerprintAsync();
            var failures = new List<string>();
            var requests = 0;

            foreach (var partner in partners)
            {
                using var client = await factory.LoginAsync(partner.Email!);
                var token = await SecurityWorld.TokenAsync(client, true);
                var foreignDeals = deals.Where(d => d.OwnerOrganisationId != partner.OrganisationId).ToList();
                var foreignSolutions = solutions.Where(s => s.OrganisationId != partner.OrganisationId).Select(s => s.Id).ToList();
                var foreignDrafts = drafts.Where(d => d.Key != partner.UserId).Select(d => d.Value).ToList();
                var foreignNotifications = notifications.Where(n => n.Key != partner.UserId).Select(n => n.Value).ToList();
                var foreignMembers = members.Where(m => m.OrganisationId != partner.OrganisationId).Select(m => m.Id).ToList();
                var foreignInvitations = invitations.Where(i => i.OrganisationId != partner.OrganisationId).Select(i => i.Id).ToList();
                var foreignOrganisations = organisations.Where(o => o != partner.OrganisationId).ToList();

                foreach (var route in routes)
                {
                    IEnumerable<(string Url, int Version)> targets = route switch
                    {
                        _ when route.Parameters.Contains("draftId") => foreignDrafts.Select(id => (route.Url(_ => id.ToString()), 0)),
                        { Controller: "Solutions" } => foreignSolutions.Select(id => (route.Url(_ => Text(id)), 0)),
                        { Controller: "Notifications" } => foreignNotifications.Select(id => (route.Url(_ => Text(id)), 0)),
                        { Controller: "Team" } when route.Template.Contains("members", StringComparison.Ordinal) => foreignMembers.Select(id => (route.Url(_ => id), 0)),
                        { Controller: "Team" } => foreignInvitations.Select(id => (route.Url(_ => Text(id)), 0)),
                        { Controller: "Partners" } => foreignOrganisations.Select(id => (route.Url(_ => Text(id)), 0)),
                        _ => foreignDeals.Select(d => (route.Url(_ => Text(d.Id)), d.Version)),
                    };

                    foreach (var (url, version) in targets)
                    {
                        using var request = new HttpRequestMessage(route.SendMethod, url);
                        if (route.IsUnsafe)
                        {
                            request.Content = new FormUrlEncodedContent(WouldSucceed(route, token, version, customer));
                        }

                        using var response = await client.Http.SendAsync(request);
                        requests++;
                        var outcome = await Outcomes.ClassifyAsync(response);
                        if (outcome is not (Outcome.NotFound or Outcome.Forbidden))
                        {
                            failures.Add($"{route.Method} {url} as {partner}: {(int)response.StatusCode} {outcome}");
                        }
                    }
                }
            }

            PortalRoutes.Report($"Tenant isolation sweep: {routes.Count} id routes x {partners.Count} partner users over other tenants' ids = {requests} requests, {failures.Count} not refused.");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
            SecurityWorld.Unchanged(before, await world.FingerprintAsync(), "The tenant isolation sweep");
        }
    }

    /// <summary>The same bodies on the user's own deal are carried out: the refusals below are about the ids, not the bodies.</summary>
    private async Task ControlAsync(IReadOnlyList<PortalRoute> routes, Persona owner, int deal, int customer)
    {
        using var client = await factory.LoginAsync(owner.Email!);
        var token = await SecurityWorld.TokenAsync(client, true);
        foreach (var route in routes.Where(r => r.Action is "Favourite" or "AddNote"))
        {
            using var response = await client.Http.PostAsync(route.Url(_ => Text(deal)), new FormUrlEncodedContent(WouldSucceed(route, token, 0, customer)));
            Assert.Equal(Outcome.Redirect, await Outcomes.ClassifyAsync(response));
        }
    }

    /// <summary>Every field any id route reads, filled so that the request would be carried out on the user's own data.</summary>
    private static IEnumerable<KeyValuePair<string, string>> WouldSucceed(PortalRoute route, string token, int version, int customer) =>

        // The favourite's input binds without a prefix only when no "Input." field is present.
        Fields(token, version, customer).Where(f => route.Action != "Favourite" || !f.Key.StartsWith("Input.", StringComparison.Ordinal));

    private static Dictionary<string, string> Fields(string token, int version, int customer) => new()
    {
        ["__RequestVerificationToken"] = token,
        ["version"] = Text(version),
        ["Favourite"] = "true",
        ["ReturnUrl"] = "/",
        ["NoteInput.Text"] = "A note from another tenant",
        ["Input.Reason"] = "Other",
        ["Input.Comment"] = "Closed by another tenant",
        ["Input.Note"] = "Closed by another tenant",
        ["Input.Name"] = "Renamed by another tenant",
        ["Input.Description"] = "Renamed by another tenant",
        ["Input.Marketplace"] = "Published",
        ["Input.CoSellReady"] = "true",
        ["Input.Share"] = "true",
        ["customerId"] = Text(customer),
        ["country"] = "PT",
        ["skip"] = "true",
        ["role"] = "ReferralUser",
    };

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
