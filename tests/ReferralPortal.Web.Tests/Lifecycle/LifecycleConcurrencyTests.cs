using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Lifecycle;

/// <summary>Optimistic concurrency through real HTTP requests: racing decisions, exactly one applied.</summary>
public sealed class LifecycleConcurrencyTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Twenty_parallel_accept_and_decline_requests_record_exactly_one_decision()
    {
        var id = await world.CoSellNewAsync();
        var reviewers = new List<PortalClient>();
        var tokens = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        for (var i = 0; i < 20; i++)
        {
            var client = await factory.LoginAsync(i % 2 == 0 ? DemoAccounts.Reviewer : DemoAccounts.ProgrammeAdmin);
            reviewers.Add(client);
            tokens.Add(await client.GetPageAsync($"/deals/{id}"));
            Assert.NotNull(tokens[i].QuerySelector($"form[action='/deals/{id}/accept']"));
        }

        var responses = await Task.WhenAll(reviewers.Select((client, i) => i % 2 == 0
            ? client.PostWithTokenAsync(tokens[i], $"/deals/{id}/accept", [])
            : client.PostWithTokenAsync(tokens[i], $"/deals/{id}/decline", [new("Input.Reason", nameof(CloseReason.TimelineTooShort))])));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect),
            r => Assert.True(r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden, $"Unexpected {(int)r.StatusCode}"));
        var deal = await world.DealAsync(id);
        Assert.Single(deal.Activities, a => a.Kind is ActivityKind.Accepted or ActivityKind.Declined);
        Assert.Equal(deal.Activities.Single(a => a.Kind is ActivityKind.Accepted or ActivityKind.Declined).ToStatus, deal.Status);
        reviewers.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Decision_posted_from_a_stale_page_sees_changed_by_someone_else_with_the_current_state()
    {
        var id = await world.CoSellNewAsync();
        using var rita = await factory.LoginAsync(DemoAccounts.Reviewer);
        using var paulo = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);
        var ritasPage = await rita.GetPageAsync($"/deals/{id}");
        var version = ritasPage.QuerySelector($"form[action='/deals/{id}/accept'] input[name=version]")!.GetAttribute("value")!;
        LifecycleHttp.AssertApplied(await paulo.PostAsync($"/deals/{id}/accept"), id);

        var response = await rita.PostWithTokenAsync(ritasPage, $"/deals/{id}/decline", [new("version", version), new("Input.Reason", nameof(CloseReason.Other))]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("This deal was changed by someone else", body.QuerySelector("[data-testid=deal-actions] [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active", body.QuerySelector(".badge-status")!.TextContent.Trim());
        Assert.Equal(DealStatus.Active, (await world.DealAsync(id)).Status);
    }
}
