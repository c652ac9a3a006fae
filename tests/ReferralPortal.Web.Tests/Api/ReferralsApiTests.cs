using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>/api/v1/referrals: scoping like the UI, ETags and If-Match, creation with the wizard's rules, idempotency.</summary>
public sealed class ReferralsApiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private readonly ApiWorld world = new(factory);

    [Fact]
    public async Task A_vendor_token_lists_co_sell_referrals_only()
    {
        using var api = await world.ClientAsync(DemoAccounts.ProgrammeAdmin, ApiTokenScope.Read);

        var types = await AllAsync(api, "/api/v1/referrals?limit=100", r => r["dealType"]!.GetValue<string>());

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal("coSell", t));
    }

    [Fact]
    public async Task A_partner_token_lists_only_its_organisations_referrals()
    {
        using var api = await world.ClientAsync(DemoAccounts.AdventureWorksAdmin, ApiTokenScope.Read);
        var own = await world.OrganisationIdAsync(DemoAccounts.AdventureWorks);
        await using var db = factory.NewDbContext();
        var expected = await db.Deals.IgnoreQueryFilters().Where(d => d.OwnerOrganisationId == own).Select(d => d.Id).OrderBy(i => i).ToListAsync();

        var ids = await AllAsync(api, "/api/v1/referrals?limit=7", r => r["id"]!.GetValue<int>());

        Assert.Equal(expected, ids.Order());
    }

    [Fact]
    public async Task A_partner_token_gets_404_for_another_partners_referral()
    {
        using var api = await world.ClientAsync(DemoAccounts.AdventureWorksAdmin, ApiTokenScope.Read);
        var northwind = await world.OrganisationIdAsync(DemoAccounts.Northwind);
        var foreign = await world.DealAsync(q => q.Where(d => d.OwnerOrganisationId == northwind));

        var response = await api.GetAsync($"/api/v1/referrals/{foreign}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_by_referral_id_gives_the_deal_with_a_strong_etag_and_304_when_unchanged()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        var northwind = await world.OrganisationIdAsync(DemoAccounts.Northwind);
        var id = await world.DealAsync(q => q.Where(d => d.OwnerOrganisationId == northwind));

        var response = await api.GetAsync($"/api/v1/referrals/{Deal.FormatReferralId(id)}");
        var body = await ApiWorld.BodyAsync(response);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/referrals/{id}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        var again = await api.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.ETag!.IsWeak);
        Assert.Equal(id, body["id"]!.GetValue<int>());
        Assert.Equal(Deal.FormatReferralId(id), body["referralId"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d{2}$", body["value"]!["amount"]!.GetValue<string>());
        Assert.EndsWith("Z", body["updatedAt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task Post_creates_an_outbound_co_sell_deal_with_the_wizards_rules()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Created by the API")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiWorld.BodyAsync(response);
        Assert.Equal("outbound", body["direction"]!.GetValue<string>());
        Assert.Equal("new", body["status"]!.GetValue<string>());
        Assert.Equal("125000.00", body["value"]!["amount"]!.GetValue<string>());
        Assert.Equal($"/api/v1/referrals/{body["id"]}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_with_help_but_not_shared_is_refused_with_the_wizards_message()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync(share: false)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ApiWorld.BodyAsync(response);
        Assert.NotNull(body["errors"]!["share"]);
    }

    [Fact]
    public async Task Post_by_a_partner_without_a_co_sell_ready_solution_is_403()
    {
        using var api = await world.ClientAsync(DemoAccounts.FabrikamAdmin);

        var response = await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("co-sell ready", (await ApiWorld.BodyAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_returns_the_first_deal_and_creates_one()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var body = (await world.CreateBodyAsync("Idempotent deal")).ToJsonString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = ApiWorld.Json(body) };
            request.Headers.Add("Idempotency-Key", "crm-42");
            var response = await api.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => JsonNode.Parse(a.Body)!["id"]!.GetValue<int>()).Distinct());
        await using var db = factory.NewDbContext();
        Assert.Equal(1, await db.Deals.IgnoreQueryFilters().CountAsync(d => d.Name == "Idempotent deal"));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_422()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        async Task<HttpResponseMessage> PostAsync(string name)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = ApiWorld.Json(await world.CreateBodyAsync(name)) };
            request.Headers.Add("Idempotency-Key", "crm-43");
            return await api.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Created, (await PostAsync("First body")).StatusCode);
        var second = await PostAsync("Second body");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_idempotency_key_is_forgotten_after_24_hours()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.ReadWrite);
        var body = (await world.CreateBodyAsync("Daily deal")).ToJsonString();
        async Task<int> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = ApiWorld.Json(body) };
            request.Headers.Add("Idempotency-Key", "crm-daily");
            var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await ApiWorld.BodyAsync(response))["id"]!.GetValue<int>();
        }

        var first = await PostAsync();
        factory.Clock.Advance(TimeSpan.FromHours(25));
        var second = await PostAsync();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Patch_without_if_match_is_428_with_a_stale_one_412_and_with_the_current_one_applies()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Patch me"))));
        var id = created["id"]!.GetValue<int>();
        var (_, etag) = await ApiWorld.ReadAsync(api, id);
        var patch = ApiWorld.Json("""{ "name": "Patched by the API", "notes": null }""", "application/merge-patch+json");

        var missing = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", patch);
        var applied = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "name": "Patched by the API" }"""), etag);
        var stale = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "name": "Lost update" }"""), etag);

        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.NotEqual(etag, applied.Headers.ETag!.ToString());
        Assert.Equal("Patched by the API", (await ApiWorld.BodyAsync(applied))["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var (now, _) = await ApiWorld.ReadAsync(api, id);
        Assert.Equal("Patched by the API", now["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_of_a_field_that_never_changes_is_400_naming_it()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await api.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Fixed customer"))));
        var id = created["id"]!.GetValue<int>();
        var (_, etag) = await ApiWorld.ReadAsync(api, id);

        var response = await ApiWorld.SendAsync(api, HttpMethod.Patch, $"/api/v1/referrals/{id}", ApiWorld.Json("""{ "customerId": 1 }"""), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ApiWorld.BodyAsync(response))["errors"]!["customerId"]);
    }

    [Fact]
    public async Task The_vendor_accepts_a_new_co_sell_referral_under_if_match_and_a_second_accept_with_the_old_etag_is_412()
    {
        using var partner = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await partner.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Accept me"))));
        var id = created["id"]!.GetValue<int>();
        using var vendor = await world.ClientAsync(DemoAccounts.ProgrammeAdmin);
        var (_, etag) = await ApiWorld.ReadAsync(vendor, id);

        var accepted = await ApiWorld.SendAsync(vendor, HttpMethod.Post, $"/api/v1/referrals/{id}/accept", null, etag);
        var again = await ApiWorld.SendAsync(vendor, HttpMethod.Post, $"/api/v1/referrals/{id}/accept", null, etag);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("active", (await ApiWorld.BodyAsync(accepted))["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
    }

    [Fact]
    public async Task A_partner_cannot_accept_its_own_outbound_referral_and_gets_the_domains_reason()
    {
        using var partner = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await partner.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Not mine to accept"))));
        var id = created["id"]!.GetValue<int>();
        var (_, etag) = await ApiWorld.ReadAsync(partner, id);

        var response = await ApiWorld.SendAsync(partner, HttpMethod.Post, $"/api/v1/referrals/{id}/accept", null, etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("vendor's reviewers", (await ApiWorld.BodyAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lost_without_a_reason_is_400_with_the_forms_message_and_nothing_changes()
    {
        using var partner = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await partner.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Private deal", share: false).ContinueWith(t => { t.Result.Remove("helpWanted"); return t.Result; }))));
        var id = created["id"]!.GetValue<int>();
        var (_, etag) = await ApiWorld.ReadAsync(partner, id);

        var response = await ApiWorld.SendAsync(partner, HttpMethod.Post, $"/api/v1/referrals/{id}/lost", ApiWorld.Json("{}"), etag);
        var lost = await ApiWorld.SendAsync(partner, HttpMethod.Post, $"/api/v1/referrals/{id}/lost", ApiWorld.Json("""{ "reason": "budgetNotAdequate" }"""), etag);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ApiWorld.BodyAsync(response))["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Equal("lost", (await ApiWorld.BodyAsync(lost))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_note_is_added_under_if_match_and_the_activity_lists_the_creation()
    {
        using var partner = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var created = await ApiWorld.BodyAsync(await partner.PostAsync("/api/v1/referrals", ApiWorld.Json(await world.CreateBodyAsync("Noted deal"))));
        var id = created["id"]!.GetValue<int>();
        var (_, etag) = await ApiWorld.ReadAsync(partner, id);

        var note = await ApiWorld.SendAsync(partner, HttpMethod.Post, $"/api/v1/referrals/{id}/notes", ApiWorld.Json("""{ "text": "Called the customer" }"""), etag);
        var activity = await ApiWorld.BodyAsync(await partner.GetAsync($"/api/v1/referrals/{id}/activity"));

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Contains(activity.AsArray(), a => a!["kind"]!.GetValue<string>() == "created");
        await using var db = factory.NewDbContext();
        Assert.True(await db.DealNotes.IgnoreQueryFilters().AnyAsync(n => n.DealId == id && n.Text == "Called the customer"));
    }

    [Fact]
    public async Task Solutions_and_customers_are_listed_and_customers_need_a_country()
    {
        using var api = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        var northwind = await world.OrganisationIdAsync(DemoAccounts.Northwind);

        var solutions = await ApiWorld.BodyAsync(await api.GetAsync("/api/v1/solutions"));
        var customers = await ApiWorld.BodyAsync(await api.GetAsync("/api/v1/customers?country=PT&q="));
        var noCountry = await api.GetAsync("/api/v1/customers?q=a");

        Assert.NotEmpty(solutions.AsArray());
        Assert.All(solutions.AsArray(), s => Assert.Equal(northwind, s!["organisationId"]!.GetValue<int>()));
        Assert.All(customers.AsArray(), c => Assert.Equal("PT", c!["country"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, noCountry.StatusCode);
    }

    private static async Task<List<T>> AllAsync<T>(HttpClient api, string url, Func<JsonNode, T> pick)
    {
        var all = new List<T>();
        string? next = url;
        while (next is not null)
        {
            var response = await api.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await ApiWorld.BodyAsync(response);
            all.AddRange(page["items"]!.AsArray().Select(i => pick(i!)));
            next = page["next"]?.GetValue<string>();
        }

        return all;
    }
}
