using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;
using ReferralPortal.Web.Tests.Security;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>
/// Every /api/v1 route the app maps (read from the endpoint data source, so a new route is swept without editing
/// this test), for every token kind: a partner token on other partners' referrals and a vendor token on private
/// referrals get 404, with the current ETag and a body that would otherwise be carried out; a read token gets 403
/// on every unsafe route of its own referrals; and the database is unchanged.
/// </summary>
public sealed class ApiIsolationSweepTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private sealed record ApiRoute(string Method, string Template)
    {
        public bool IsUnsafe => Method is "POST" or "PATCH" or "PUT" or "DELETE";

        public string Url(int id) => "/" + Template.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // A body the route would carry out on the caller's own referral: only the id may stop it.
        public string Body => Template.Split('/')[^1] switch
        {
            "decline" or "lost" => """{ "reason": "other", "comment": "From another tenant" }""",
            "close-as-error" => """{ "reason": "other", "note": "From another tenant" }""",
            "reject" => """{ "reason": "From another tenant" }""",
            "notes" => """{ "text": "From another tenant" }""",
            "{id}" => """{ "name": "Renamed by another tenant" }""",
            _ => "{}",
        };
    }

    [Fact]
    public async Task Every_api_route_refuses_other_tenants_referrals_and_read_tokens_never_write()
    {
        var world = new ApiWorld(factory);
        var security = new SecurityWorld(factory);
        var routes = Routes();
        Assert.Contains(routes, r => r.Template.EndsWith("/accept", StringComparison.Ordinal));
        var idRoutes = routes.Where(r => r.Template.Contains("{id}", StringComparison.Ordinal)).ToList();

        var kinds = new (string Admin, ApiTokenScope Scope)[]
        {
            (DemoAccounts.NorthwindAdmin, ApiTokenScope.ReadWrite), (DemoAccounts.NorthwindAdmin, ApiTokenScope.Read),
            (DemoAccounts.FabrikamAdmin, ApiTokenScope.ReadWrite), (DemoAccounts.AdventureWorksAdmin, ApiTokenScope.ReadWrite),
            (DemoAccounts.ProgrammeAdmin, ApiTokenScope.ReadWrite), (DemoAccounts.ProgrammeAdmin, ApiTokenScope.Read),
        };
        var tokens = new List<(string Admin, ApiTokenScope Scope, int? Organisation, bool Vendor, string Token)>();
        foreach (var (admin, scope) in kinds)
        {
            await using var db = factory.NewDbContext();
            var user = await db.Users.AsNoTracking().Where(u => u.Email == admin).Select(u => new { u.OrganisationId, Vendor = u.Organisation!.Kind == Domain.Organisations.OrganisationKind.Vendor }).SingleAsync();
            tokens.Add((admin, scope, user.OrganisationId, user.Vendor, await world.TokenAsync(admin, scope)));
        }

        List<(int Id, int Owner, DealType Type, int Version)> deals;
        await using (var db = factory.NewDbContext())
        {
            deals = [.. (await db.Deals.IgnoreQueryFilters().AsNoTracking().Select(d => new { d.Id, d.OwnerOrganisationId, d.DealType, d.Version }).ToListAsync())
                .Select(d => (d.Id, d.OwnerOrganisationId, d.DealType, d.Version))];
        }

        var before = await security.FingerprintAsync();
        var failures = new List<string>();
        var requests = 0;
        foreach (var token in tokens)
        {
            using var api = world.Client(token.Token);
            var foreign = deals.Where(d => token.Vendor ? d.Type == DealType.Private : d.Owner != token.Organisation)
                .GroupBy(d => (d.Owner, d.Type)).SelectMany(g => g.Take(2)).ToList();
            foreach (var route in idRoutes)
            {
                foreach (var deal in foreign)
                {
                    using var response = await SendAsync(api, route, deal.Id, deal.Version);
                    requests++;
                    if (response.StatusCode != HttpStatusCode.NotFound && !(token.Scope == ApiTokenScope.Read && route.IsUnsafe && response.StatusCode == HttpStatusCode.Forbidden))
                    {
                        failures.Add($"{route.Method} {route.Url(deal.Id)} with {token.Admin} {token.Scope}: {(int)response.StatusCode}");
                    }
                }
            }

            if (token.Scope == ApiTokenScope.Read)
            {
                var own = deals.First(d => token.Vendor ? d.Type == DealType.CoSell : d.Owner == token.Organisation);
                foreach (var route in routes.Where(r => r.IsUnsafe))
                {
                    using var response = await SendAsync(api, route, own.Id, own.Version);
                    requests++;
                    if (response.StatusCode != HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{route.Method} {route.Url(own.Id)} with a read token of {token.Admin}: {(int)response.StatusCode}");
                    }
                }
            }
        }

        PortalRoutes.Report($"API isolation sweep: {routes.Count} API routes x {tokens.Count} tokens = {requests} requests, {failures.Count} not refused.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        SecurityWorld.Unchanged(before, await security.FingerprintAsync(), "The API isolation sweep");
    }

    private List<ApiRoute> Routes()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiRoute(m, e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()];
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, ApiRoute route, int id, int version)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(id));
        if (route.IsUnsafe)
        {
            request.Content = ApiWorld.Json(route.Body);
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await api.SendAsync(request);
    }
}
