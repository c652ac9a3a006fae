using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>The API tokens page and the bearer scheme: shown once, stored hashed, revoked at the next call, scoped.</summary>
public sealed class ApiTokenTests(LoggingPortalFactory factory) : IClassFixture<LoggingPortalFactory>
{
    private readonly ApiWorld world = new(factory);

    [Fact]
    public async Task Creating_a_token_on_the_page_shows_it_once_and_stores_only_its_hash()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var expires = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddDays(60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var created = await admin.PostFormAsync("/api-tokens", "/api-tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "CRM sync",
            ["Input.Scope"] = "ReadWrite",
            ["Input.ExpiresOn"] = expires,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await admin.GetPageAsync("/api-tokens");
        var shown = page.QuerySelector("#issued-token")?.GetAttribute("value");
        var again = await admin.GetPageAsync("/api-tokens");

        Assert.NotNull(shown);
        Assert.StartsWith("rp_", shown, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("#issued-token"));
        Assert.Contains("CRM sync", again.Body!.TextContent, StringComparison.Ordinal);
        await using var db = factory.NewDbContext();
        var stored = await db.ApiTokens.SingleAsync(t => t.Name == "CRM sync");
        Assert.NotEqual(shown, stored.TokenHash);
        Assert.Equal(Features.Invitations.InvitationTokens.Hash(shown), stored.TokenHash);
        using var api = world.Client(shown);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [Fact]
    public async Task Expiry_more_than_a_year_ahead_is_refused_with_a_field_message()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var tooLate = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddDays(400)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await admin.PostFormAsync("/api-tokens", "/api-tokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "Too long",
            ["Input.Scope"] = "Read",
            ["Input.ExpiresOn"] = tooLate,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("within the next year", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referral_users_cannot_open_the_api_tokens_page()
    {
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await sales.GetAsync("/api-tokens");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_its_next_call_and_the_use_is_a_security_event()
    {
        var token = await world.TokenAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        using var api = world.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).StatusCode);
        int id;
        await using (var db = factory.NewDbContext())
        {
            id = await db.ApiTokens.Where(t => t.TokenHash == Features.Invitations.InvitationTokens.Hash(token)).Select(t => t.Id).SingleAsync();
        }

        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var revoke = await admin.PostWithTokenAsync(await admin.GetPageAsync("/api-tokens"), $"/api-tokens/{id}/revoke", []);
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        var seen = factory.Log.Events.Count;

        var refused = await api.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(factory.Log.Since(seen), e => CapturedLog.Text(e).Contains("ApiTokenRevokedUse", StringComparison.Ordinal));
        Assert.Contains(factory.Log.Events, e => CapturedLog.Text(e).Contains("ApiTokenRevoked", StringComparison.Ordinal) && !CapturedLog.Text(e).Contains("RevokedUse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_organisations_admin_cannot_revoke_a_token()
    {
        var token = await world.TokenAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        await using var db = factory.NewDbContext();
        var id = await db.ApiTokens.Where(t => t.TokenHash == Features.Invitations.InvitationTokens.Hash(token)).Select(t => t.Id).SingleAsync();
        using var stranger = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);

        var response = await stranger.PostWithTokenAsync(await stranger.GetPageAsync("/api-tokens"), $"/api-tokens/{id}/revoke", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var api = world.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await world.TokenAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read, TimeSpan.FromHours(1));
        using var api = world.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        var response = await api.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_call_without_a_token_is_401_problem_with_a_bearer_challenge_even_with_a_session_cookie()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await admin.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_read_token_cannot_write()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Last_use_is_recorded()
    {
        var token = await world.TokenAsync(DemoAccounts.AdventureWorksAdmin, ApiTokenScope.Read);
        using var api = world.Client(token);

        await api.GetAsync("/api/v1/solutions");

        await using var db = factory.NewDbContext();
        var used = await db.ApiTokens.Where(t => t.TokenHash == Features.Invitations.InvitationTokens.Hash(token)).Select(t => t.LastUsedAt).SingleAsync();
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, used);
    }
}
