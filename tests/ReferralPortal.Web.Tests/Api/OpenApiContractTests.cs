using System.Net;
using System.Text.Json.Nodes;
using Json.Schema;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>
/// The OpenAPI 3.1 document the framework generates, and the API's real responses checked against the response
/// schemas the document declares for their status codes (JSON Schema 2020-12, which OpenAPI 3.1 uses).
/// </summary>
public sealed class OpenApiContractTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly ApiWorld world = new(factory);

    [Fact]
    public async Task The_document_is_openapi_3_1_with_the_bearer_scheme_and_every_api_route()
    {
        var document = await DocumentAsync();

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var expected in new[] { "/api/v1/referrals", "/api/v1/referrals/{id}", "/api/v1/referrals/{id}/accept", "/api/v1/referrals/{id}/registration/reject", "/api/v1/referrals/{id}/notes", "/api/v1/referrals/{id}/activity", "/api/v1/solutions", "/api/v1/customers" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.DoesNotContain(paths, p => !p.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_is_served()
    {
        using var client = world.Client(null);

        var url = "/api/docs";
        var response = await client.GetAsync(url);
        for (var hops = 0; hops < 3 && response.Headers.Location is { } next; hops++)
        {
            url = next.OriginalString;
            response = await client.GetAsync(url);
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Real_responses_conform_to_the_documents_schemas()
    {
        var document = await DocumentAsync();
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var checkedCount = 0;

        async Task CheckAsync(string path, string method, HttpResponseMessage response)
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var media = response.Content.Headers.ContentType?.MediaType ?? throw new InvalidOperationException($"{method} {path} {status} has no body.");
            var declared = document["paths"]![path]![method]!["responses"]![status]
                ?? throw new InvalidOperationException($"{method} {path} answered {status}, which the document does not declare.");
            var schema = declared["content"]?[media]?["schema"]
                ?? throw new InvalidOperationException($"{method} {path} {status} answered {media}, which the document does not declare.");
            var body = await response.Content.ReadAsStringAsync();
            var result = Schema(document, schema).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{method} {path} {status}: {body[..Math.Min(body.Length, 600)]}\n" + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
            checkedCount++;
        }

        var created = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Contract deal")));
        await CheckAsync("/api/v1/referrals", "post", created);
        var id = (await ApiWorld.BodyAsync(created))["id"]!.GetValue<int>();
        await CheckAsync("/api/v1/referrals", "get", await api.GetAsync("/api/v1/referrals?limit=3"));
        await CheckAsync("/api/v1/referrals", "get", await api.GetAsync("/api/v1/referrals?status=sleeping"));
        await CheckAsync("/api/v1/referrals", "post", await api.PostAsync("/api/v1/referrals", ApiWorld.Json("""{ "name": 1 }""")));
        var get = await api.GetAsync($"/api/v1/referrals/{id}");
        var etag = get.Headers.ETag!.ToString();
        await CheckAsync("/api/v1/referrals/{id}", "get", get);
        await CheckAsync("/api/v1/referrals/{id}", "get", await api.GetAsync("/api/v1/referrals/99999999"));
        await CheckAsync("/api/v1/referrals/{id}", "patch", await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "name": "Renamed" }""")));
        var patched = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "name": "Renamed", "notes": null }"""), etag);
        await CheckAsync("/api/v1/referrals/{id}", "patch", patched);
        await CheckAsync("/api/v1/referrals/{id}/won", "post", await ApiWorld.SendAsync(api, HttpMethod.Post, $"/api/v1/referrals/{id}/won", null, etag));
        await CheckAsync("/api/v1/referrals/{id}/notes", "post", await ApiWorld.SendAsync(api, HttpMethod.Post, $"/api/v1/referrals/{id}/notes", ApiWorld.Json("""{ "text": "Contract" }"""), patched.Headers.ETag!.ToString()));
        await CheckAsync("/api/v1/referrals/{id}/activity", "get", await api.GetAsync($"/api/v1/referrals/{id}/activity"));
        await CheckAsync("/api/v1/solutions", "get", await api.GetAsync("/api/v1/solutions"));
        await CheckAsync("/api/v1/customers", "get", await api.GetAsync("/api/v1/customers?country=PT"));
        await CheckAsync("/api/v1/customers", "get", await api.GetAsync("/api/v1/customers"));
        using var anonymous = world.Client(null);
        await CheckAsync("/api/v1/solutions", "get", await anonymous.GetAsync("/api/v1/solutions"));

        Assert.Equal(15, checkedCount);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = world.Client(null);
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    // The response schema with the document's components as $defs, so its $refs resolve inside one schema.
    private static JsonSchema Schema(JsonNode document, JsonNode schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://referralportal.test/schema/{Guid.NewGuid():N}",
            ["$defs"] = document["components"]!["schemas"]!.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }
}
