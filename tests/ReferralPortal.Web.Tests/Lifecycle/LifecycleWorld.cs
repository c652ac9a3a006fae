using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Lifecycle;

/// <summary>
/// The app with its background jobs (review-window sweep, e-mail outbox, webhook worker) switched off, so a test
/// decides when they run, and a test that compares the database before and after its requests sees only what the
/// requests changed.
/// </summary>
public class QuietPortalFactory() : PortalFactory(TestDatabase.ForTestClass(), jobs: false);

/// <summary>The lifecycle states the tests start from, each arranged by the one <see cref="DealBuilder"/>.</summary>
public sealed class LifecycleWorld(PortalFactory factory)
{
    private readonly DealBuilder deals = new(factory);

    public TimeSpan ReviewWindow => deals.ReviewWindow;

    public DateTime Now => deals.Now;

    public Task<Actor> ActorAsync(string email) => deals.ActorAsync(email);

    /// <summary>A Northwind (or other partner) outbound co-sell referral, New and awaiting the vendor.</summary>
    public Task<int> CoSellNewAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin, DateTime? createdAt = null, bool eligible = true) =>
        deals.OutboundAsync(ownerAdmin, at: createdAt, setup: new DealSetup(Eligible: eligible));

    /// <summary>An outbound co-sell deal the vendor accepted: Active.</summary>
    public Task<int> CoSellActiveAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin, bool eligible = true) =>
        deals.OutboundAsync(ownerAdmin, setup: new DealSetup(Eligible: eligible), then: (deal, _, reviewer, now) => deal.Accept(reviewer, now));

    /// <summary>An Active co-sell deal whose registration was submitted.</summary>
    public Task<int> RegistrationSubmittedAsync() =>
        deals.OutboundAsync(then: (deal, admin, reviewer, now) =>
        {
            deal.Accept(reviewer, now);
            deal.SubmitRegistration(admin, now);
        });

    /// <summary>A private (not shared) deal: Active and never visible to the vendor.</summary>
    public Task<int> PrivateActiveAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin) => deals.OutboundAsync(ownerAdmin, share: false);

    /// <summary>A referral the vendor sent to a partner: New, awaiting the partner's admins.</summary>
    public Task<int> InboundNewAsync(string partnerAdmin = DemoAccounts.NorthwindAdmin, DateTime? createdAt = null) =>
        deals.InboundAsync(partnerAdmin, createdAt);

    public async Task<Deal> DealAsync(int id)
    {
        await using var db = factory.NewDbContext();
        return await db.Deals.AsNoTracking().Include(d => d.Activities).SingleAsync(d => d.Id == id);
    }
}

/// <summary>Posting lifecycle forms as a signed-in user.</summary>
public static class LifecycleHttp
{
    public static Task<HttpResponseMessage> PostAsync(this PortalClient client, string action, params (string Key, string Value)[] fields) =>
        client.PostFormAsync("/notifications", action, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>The step was applied: the app redirects to the deal page.</summary>
    public static void AssertApplied(HttpResponseMessage response, int dealId)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/deals/{dealId}", response.Headers.Location?.OriginalString);
    }

    /// <summary>Refused: the domain's 403 page, a 404 for a deal the user cannot see, or the policy's redirect to the 403 page.</summary>
    public static void AssertRefused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        Assert.True(
            response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || (response.StatusCode == HttpStatusCode.Redirect && location.Contains("/error/403", StringComparison.Ordinal)),
            $"Expected a refusal, got {(int)response.StatusCode} {location}");
    }
}
