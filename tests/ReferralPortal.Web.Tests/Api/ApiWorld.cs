using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Features.Api;
using ReferralPortal.Web.Features.Invitations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>API tokens for the demo users' organisations and HTTP clients that send them.</summary>
public sealed class ApiWorld(PortalFactory factory)
{
    public PortalFactory Factory => factory;

    /// <summary>A token of the organisation of <paramref name="adminEmail"/>, created by that admin, as the page would.</summary>
    public async Task<string> TokenAsync(string adminEmail, ApiTokenScope scope = ApiTokenScope.ReadWrite, TimeSpan? lifetime = null)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var user = await db.Users.AsNoTracking().Where(u => u.Email == adminEmail)
            .Select(u => new { u.Id, u.DisplayName, u.OrganisationId, u.Organisation!.Kind }).SingleAsync();
        var role = user.Kind == OrganisationKind.Vendor ? PortalRole.ProgrammeAdmin : PortalRole.ReferralAdmin;
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var text = ApiTokens.New();
        db.ApiTokens.Add(ApiToken.Create(new Actor(user.Id, user.DisplayName, user.OrganisationId, user.Kind, role), "test " + scope, scope,
            now + (lifetime ?? TimeSpan.FromDays(30)), InvitationTokens.Hash(text), ApiTokens.Hint(text), now));
        await db.SaveChangesAsync();
        return text;
    }

    public HttpClient Client(string? token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async Task<HttpClient> ClientAsync(string adminEmail, ApiTokenScope scope = ApiTokenScope.ReadWrite) => Client(await TokenAsync(adminEmail, scope));

    public async Task<int> OrganisationIdAsync(string name)
    {
        await using var db = factory.NewDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public async Task<int> DealAsync(Func<IQueryable<Deal>, IQueryable<Deal>> where)
    {
        await using var db = factory.NewDbContext();
        return await where(db.Deals.IgnoreQueryFilters().AsNoTracking()).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    /// <summary>A valid create body for Northwind: a published co-sell ready solution, a customer, a date ahead.</summary>
    public async Task<JsonObject> CreateBodyAsync(string name = "API deal", bool share = true)
    {
        await using var db = factory.NewDbContext();
        var northwind = await OrganisationIdAsync(Data.Seeding.DemoAccounts.Northwind);
        var solution = await db.Solutions.IgnoreQueryFilters().Where(s => s.OrganisationId == northwind && s.MarketplaceStatus == MarketplaceStatus.Published && s.CoSellStatus == CoSellStatus.CoSellReady)
            .OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var customer = await db.Customers.Where(c => c.Country == "PT").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        return new JsonObject
        {
            ["customerId"] = customer,
            ["name"] = name,
            ["value"] = new JsonObject { ["amount"] = "125000.00", ["currency"] = "EUR" },
            ["estimatedCloseDate"] = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["solutionIds"] = new JsonArray(solution),
            ["helpWanted"] = new JsonArray("proofOfConceptOrDemo"),
            ["share"] = share,
        };
    }

    public static StringContent Json(string json, string type = "application/json") => new(json, Encoding.UTF8, type);

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("Empty body.");

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<(JsonNode Body, string ETag)> ReadAsync(HttpClient client, int id)
    {
        var response = await client.GetAsync($"/api/v1/referrals/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await BodyAsync(response), response.Headers.ETag!.ToString());
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static Task<T?> As<T>(HttpResponseMessage r) => r.Content.ReadFromJsonAsync<T>(Web);
}
