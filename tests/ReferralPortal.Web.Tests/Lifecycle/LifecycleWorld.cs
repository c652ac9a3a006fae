using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Lifecycle;

/// <summary>The app with its background jobs switched off, so a test decides when the sweep and the outbox run.</summary>
public class QuietPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:ReviewWindow:Enabled", "false");
        builder.UseSetting("Email:OutboxEnabled", "false");
    }
}

/// <summary>Arranges fresh deals for one test each, through the real domain methods, owned by the demo organisations.</summary>
public sealed class LifecycleWorld(PortalFactory factory)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(14);

    public DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    public async Task<Actor> ActorAsync(string email)
    {
        // The app migrates and seeds the database when it starts; start it before reading from it.
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var org = await db.Organisations.SingleAsync(o => o.Id == user.OrganisationId);
        return new Actor(user.Id, user.DisplayName, org.Id, org.Kind, user.Role);
    }

    /// <summary>A Northwind (or other partner) outbound co-sell referral, New and awaiting the vendor.</summary>
    public Task<int> CoSellNewAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin, DateTime? createdAt = null, bool eligible = true) =>
        CreateAsync(ownerAdmin, createdAt, eligible, (_, _, _, _) => { });

    /// <summary>An outbound co-sell deal the vendor accepted: Active.</summary>
    public Task<int> CoSellActiveAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin, bool eligible = true) =>
        CreateAsync(ownerAdmin, null, eligible, (deal, _, reviewer, now) => deal.Accept(reviewer, now));

    /// <summary>An Active co-sell deal whose registration was submitted.</summary>
    public Task<int> RegistrationSubmittedAsync() =>
        CreateAsync(DemoAccounts.NorthwindAdmin, null, true, (deal, admin, reviewer, now) =>
        {
            deal.Accept(reviewer, now);
            deal.SubmitRegistration(admin, now);
        });

    /// <summary>A private (not shared) deal: Active and never visible to the vendor.</summary>
    public async Task<int> PrivateActiveAsync(string ownerAdmin = DemoAccounts.NorthwindAdmin)
    {
        var admin = await ActorAsync(ownerAdmin);
        await using var db = factory.NewDbContext();
        var (customer, solutions) = await PartsAsync(db, admin.OrganisationId, true);
        var deal = Deal.CreateOutbound(admin, customer, null, Details(Now), solutions, HelpWanted.None, false, Now, Window);
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    /// <summary>A referral the vendor sent to a partner: New, awaiting the partner's admins.</summary>
    public async Task<int> InboundNewAsync(string partnerAdmin = DemoAccounts.NorthwindAdmin, DateTime? createdAt = null)
    {
        var reviewer = await ActorAsync(DemoAccounts.Reviewer);
        var admin = await ActorAsync(partnerAdmin);
        await using var db = factory.NewDbContext();
        var (customer, solutions) = await PartsAsync(db, admin.OrganisationId, true);
        var at = createdAt ?? Now;
        var deal = Deal.CreateInbound(reviewer, admin.OrganisationId, customer, null, Details(at), solutions, at, Window);
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    public async Task<Deal> DealAsync(int id)
    {
        await using var db = factory.NewDbContext();
        return await db.Deals.AsNoTracking().Include(d => d.Activities).SingleAsync(d => d.Id == id);
    }

    private async Task<int> CreateAsync(string ownerAdmin, DateTime? createdAt, bool eligible, Action<Deal, Actor, Actor, DateTime> then)
    {
        var admin = await ActorAsync(ownerAdmin);
        var reviewer = await ActorAsync(DemoAccounts.Reviewer);
        await using var db = factory.NewDbContext();
        var (customer, solutions) = await PartsAsync(db, admin.OrganisationId, eligible);
        var at = createdAt ?? Now;
        var deal = Deal.CreateOutbound(admin, customer, null, Details(at), solutions, HelpWanted.None, true, at, Window);
        then(deal, admin, reviewer, at.AddMinutes(5));
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    private static async Task<(Domain.Customers.Customer, List<Solution>)> PartsAsync(ReferralsDbContext db, int organisationId, bool eligible)
    {
        var customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
        var solutions = (await db.Solutions.Where(s => s.OrganisationId == organisationId).ToListAsync())
            .Where(s => s.IsPublished && s.IsCoSellReady && s.MakesDealsEligibleForRegistration == eligible)
            .Take(1).ToList();
        Assert.NotEmpty(solutions);
        return (customer, solutions);
    }

    private static DealDetails Details(DateTime at) =>
        new("Lifecycle test opportunity", 50_000m, "EUR", "PT", DateOnly.FromDateTime(at).AddDays(90), false, "Arranged by a test.");
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
