using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralPortal.Data;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// A fresh partner organisation with twelve deals whose Insights figures are worked out by hand below,
/// replayed through the domain methods with back-dated clocks relative to <see cref="PortalFactory.Start"/>
/// (29 Nov 2026 09:00 UTC).
/// <code>
///  #   customer type     status (how)                            value       solutions  share→decision
///  D1  Alpha   co-sell   Won   (won 31 Aug 2026)                 EUR 10,000   S1         2 days
///  D2  Bravo   co-sell   Won   (won 20 Oct 2026)                 EUR 20,000   S1+S2      3 days
///  D3  Alpha   co-sell   Lost  (lost 30 Oct 2026)                EUR 5,000    S2         4 days
///  D4  Charlie co-sell   Active                                  EUR 7,500.50 S1         10 days
///  D5  Bravo   co-sell   Declined                                EUR 3,000    S1         1 day
///  D6  Golf    private   Active                                  EUR 1,000    S2         (not shared)
///  D7  Delta   inbound   New, review due in 2 days               EUR 2,000    S2         (undecided)
///  D8  Delta   inbound   New, review due in 5 days               EUR 4,000    S1         (undecided)
///  D9  Alpha   co-sell   New, review due in 13 days              USD 50,000   S1         (undecided)
///  D10 Echo    co-sell   Active, registration submitted          EUR 8,000    S1         1 day
///  D11 Bravo   co-sell   Won   (won 14 Nov 2025, before window)  USD 12,000   S1         6 days
///  D12 Foxtrot co-sell   Expired                                 EUR 600      S1         (expiry, not a decision)
/// </code>
/// </summary>
public static class InsightsDataSet
{
    public const string OrganisationName = "Insights Test Partner";
    public const string AdminEmail = "admin@insights-test.example";

    public const string Alpha = "Insights Alpha Retail";
    public const string Bravo = "Insights Bravo Logistics";
    public const string Charlie = "Insights Charlie Foods";
    public const string Delta = "Insights Delta Energy";
    public const string Echo = "Insights Echo Media";
    public const string Foxtrot = "Insights Foxtrot Travel";
    public const string Golf = "Insights Golf Clubs";
    public const string SolutionOne = "Insights Solution One";
    public const string SolutionTwo = "Insights Solution Two";

    public const string ReviewDueSoon = "Delta – inbound due in 2 days";
    public const string ReviewDueLater = "Delta – inbound due in 5 days";
    public const string RegistrationSubmitted = "Echo – registration submitted";

    public static async Task CreateAsync(PortalFactory factory)
    {
        var now = PortalFactory.Start.UtcDateTime;
        var window = new DealBuilder(factory).ReviewWindow;
        await using var db = factory.NewDbContext();
        var org = new Organisation(OrganisationName, OrganisationKind.Partner, "PT");
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var vendorId = await db.Organisations.Where(o => o.Kind == OrganisationKind.Vendor).Select(o => o.Id).SingleAsync();

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = new PortalUser { UserName = AdminEmail, Email = AdminEmail, EmailConfirmed = true, DisplayName = "Inês Teste", OrganisationId = org.Id, Role = PortalRole.ReferralAdmin };
            Assert.True((await users.CreateAsync(user, DemoAccounts.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, nameof(PortalRole.ReferralAdmin))).Succeeded);
        }

        var adminId = await db.Users.Where(u => u.Email == AdminEmail).Select(u => u.Id).SingleAsync();
        var admin = new Actor(adminId, "Inês Teste", org.Id, OrganisationKind.Partner, PortalRole.ReferralAdmin);
        var reviewer = new Actor("insights-test-reviewer", "Test Reviewer", vendorId, OrganisationKind.Vendor, PortalRole.Reviewer);
        var programme = reviewer with { Role = PortalRole.ProgrammeAdmin };

        var s1 = new Solution(org.Id, SolutionOne, "Registration eligible.");
        s1.SetProgrammeStatus(programme, MarketplaceStatus.Published, CoSellStatus.CoSellReady, true);
        var s2 = new Solution(org.Id, SolutionTwo, "Co-sell ready.");
        s2.SetProgrammeStatus(programme, MarketplaceStatus.Published, CoSellStatus.CoSellReady, false);
        var customers = new[] { Alpha, Bravo, Charlie, Delta, Echo, Foxtrot, Golf }
            .ToDictionary(n => n, n => new Customer(n, "PT", "Rua do Teste 1", "Lisboa", "1000-001", "Retail", CompanySize.Medium, null, false));
        db.Solutions.AddRange(s1, s2);
        db.Customers.AddRange(customers.Values);
        await db.SaveChangesAsync();

        DateTime Ago(double days) => now.AddDays(-days);
        Deal Outbound(string name, string customer, decimal value, string currency, Solution[] solutions, double createdDaysAgo, bool share = true) =>
            Deal.CreateOutbound(admin, customers[customer], null, Details(name, customers[customer], value, currency, Ago(createdDaysAgo)), solutions, HelpWanted.None, share, Ago(createdDaysAgo), window);
        Deal Inbound(string name, string customer, decimal value, Solution[] solutions, double createdDaysAgo) =>
            Deal.CreateInbound(reviewer, org.Id, customers[customer], null, Details(name, customers[customer], value, "EUR", Ago(createdDaysAgo)), solutions, Ago(createdDaysAgo), window);

        var d1 = Outbound("Alpha – won in August", Alpha, 10_000m, "EUR", [s1], 100);
        d1.Accept(reviewer, Ago(98));
        d1.MarkWon(admin, Ago(90));

        var d2 = Outbound("Bravo – won in October", Bravo, 20_000m, "EUR", [s1, s2], 60);
        d2.Accept(reviewer, Ago(57));
        d2.MarkWon(admin, Ago(40));

        var d3 = Outbound("Alpha – lost in October", Alpha, 5_000m, "EUR", [s2], 50);
        d3.Accept(reviewer, Ago(46));
        d3.MarkLost(admin, CloseReason.ChoseAnotherVendor, null, Ago(30));

        var d4 = Outbound("Charlie – active", Charlie, 7_500.50m, "EUR", [s1], 20);
        d4.Accept(reviewer, Ago(10));

        var d5 = Outbound("Bravo – declined", Bravo, 3_000m, "EUR", [s1], 30);
        d5.Decline(reviewer, CloseReason.RequirementNotMet, null, Ago(29));

        var d6 = Outbound("Golf – private", Golf, 1_000m, "EUR", [s2], 5, share: false);
        var d7 = Inbound(ReviewDueSoon, Delta, 2_000m, [s2], 12);
        var d8 = Inbound(ReviewDueLater, Delta, 4_000m, [s1], 9);
        var d9 = Outbound("Alpha – new in dollars", Alpha, 50_000m, "USD", [s1], 1);

        var d10 = Outbound(RegistrationSubmitted, Echo, 8_000m, "EUR", [s1], 15);
        d10.Accept(reviewer, Ago(14));
        d10.SubmitRegistration(admin, Ago(13));

        var d11 = Outbound("Bravo – won last year", Bravo, 12_000m, "USD", [s1], 400);
        d11.Accept(reviewer, Ago(394));
        d11.MarkWon(admin, Ago(380));

        var d12 = Outbound("Foxtrot – expired", Foxtrot, 600m, "EUR", [s1], 30);
        d12.Expire(Ago(16).AddHours(1));

        db.Deals.AddRange(d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12);
        await db.SaveChangesAsync();
    }

    private static DealDetails Details(string name, Customer customer, decimal value, string currency, DateTime created) =>
        new(name, value, currency, customer.Country, DateOnly.FromDateTime(created).AddDays(60), false, null);
}

/// <summary>The app with the demo seed plus <see cref="InsightsDataSet"/>, arranged once per test class.</summary>
public sealed class InsightsFactory : PortalFactory, IAsyncLifetime
{
    public async ValueTask InitializeAsync()
    {
        _ = Server; // starts the app, which migrates and seeds the demo
        await InsightsDataSet.CreateAsync(this);
    }
}
