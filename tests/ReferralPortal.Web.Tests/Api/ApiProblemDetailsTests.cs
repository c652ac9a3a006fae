using System.Net;
using System.Text;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>Any input gets a 4xx Problem Details answer (RFC 9457) in the Accept-Language language, never a 500.</summary>
public sealed class ApiProblemDetailsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly ApiWorld world = new(factory);

    [Theory]
    [InlineData("{ not json", "body")]
    [InlineData("""{ "name": 42 }""", "name")]
    [InlineData("""{ "customerId": "seven" }""", "customerId")]
    [InlineData("""{ "share": true, "colour": "blue" }""", "colour")]
    [InlineData("""{ "helpWanted": ["teleportation"] }""", "helpWanted")]
    [InlineData("[1, 2, 3]", "body")]
    public async Task Unreadable_bodies_are_400_problems_naming_the_field(string json, string field)
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiWorld.BodyAsync(response))["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_huge_body_is_413()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var huge = "{ \"notes\": \"" + new string('x', 200_000) + "\" }";

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);

        var response = await api.PostAsync("/api/v1/referrals", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Validation_errors_follow_accept_language()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var body = await world.CreateBodyAsync();
        body["name"] = "x";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = ApiWorld.Json(body) };
        request.Headers.AcceptLanguage.ParseAdd("pt-PT");

        var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiWorld.BodyAsync(response);
        Assert.Equal("O pedido tem campos inválidos.", problem["title"]!.GetValue<string>());
        Assert.DoesNotContain("Enter a deal name", problem["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/referrals?status=sleeping")]
    [InlineData("/api/v1/referrals?limit=1000")]
    [InlineData("/api/v1/referrals?limit=abc")]
    [InlineData("/api/v1/referrals?cursor=%%%")]
    [InlineData("/api/v1/referrals?updatedSince=yesterday")]
    [InlineData("/api/v1/referrals?sort=name")]
    [InlineData("/api/v1/referrals?customerId=-1")]
    public async Task Bad_query_values_are_400_problems(string url)
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);

        var response = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/referrals/R-abc")]
    [InlineData("/api/v1/referrals/99999999")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_resources_are_404_problems(string url)
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);

        var response = await api.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("\"not-a-version\"")]
    public async Task A_weak_wildcard_or_unreadable_if_match_is_412(string ifMatch)
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var id = (await ApiWorld.BodyAsync(await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("If-Match forms")))))["id"]!.GetValue<int>();

        var response = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "name": "Changed" }"""), ifMatch);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }
}

/// <summary>The per-token rate limit: the call over the limit is 429 with Retry-After, and other tokens are unaffected.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LimitedFactory factory) : IClassFixture<ApiRateLimitTests.LimitedFactory>
{
    public sealed class LimitedFactory : PortalFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Api:RequestsPerMinute", "3");
        }
    }

    [Fact]
    public async Task The_call_over_the_limit_is_429_with_retry_after_and_only_for_that_token()
    {
        var world = new ApiWorld(factory);
        using var busy = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        using var quiet = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/solutions")).StatusCode);
        }

        var limited = await busy.GetAsync("/api/v1/solutions");
        var other = await quiet.GetAsync("/api/v1/solutions");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
