using System.Net;
using System.Text.Json.Nodes;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Integration;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Api;

/// <summary>Keyset paging: deals created while a client walks the pages never make it see a row twice or miss one.</summary>
public sealed class CursorPagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("-updatedAt")]
    [InlineData("createdAt")]
    [InlineData("-id")]
    public async Task Walking_the_pages_while_deals_are_inserted_sees_every_original_row_exactly_once(string sort)
    {
        var world = new ApiWorld(factory);
        using var reader = await world.ClientAsync(DemoAccounts.NorthwindAdmin, ApiTokenScope.Read);
        using var writer = await world.ClientAsync(DemoAccounts.NorthwindAdmin);
        var before = await IdsAsync(reader, $"/api/v1/referrals?limit=100&sort={sort}");

        var seen = new List<int>();
        string? next = $"/api/v1/referrals?limit=4&sort={sort}";
        var inserted = 0;
        while (next is not null)
        {
            var page = await ApiWorld.BodyAsync(await reader.GetAsync(next));
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            next = page["next"]?.GetValue<string>();

            // Between pages, two other clients insert deals at once (newest first puts them ahead of the cursor).
            var created = await Task.WhenAll(Enumerable.Range(0, 2).Select(n => writer.PostAsync("/api/v1/referrals",
                ApiWorld.Json(world.CreateBodyAsync($"Inserted {sort} {inserted}-{n}").Result))));
            Assert.All(created, c => Assert.Equal(HttpStatusCode.Created, c.StatusCode));
            inserted++;
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(before.Except(seen));
    }

    private static async Task<List<int>> IdsAsync(HttpClient api, string url)
    {
        var all = new List<int>();
        string? next = url;
        while (next is not null)
        {
            var page = await ApiWorld.BodyAsync(await api.GetAsync(next));
            all.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            next = page["next"]?.GetValue<string>();
        }

        return all;
    }
}
