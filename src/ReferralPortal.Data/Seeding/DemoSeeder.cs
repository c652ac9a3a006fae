using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Data.Seeding;

/// <summary>
/// Seeds the demo of SPEC section 6 into an empty database. Idempotent: it does nothing when any
/// organisation exists. History is replayed through the domain methods with back-dated clocks,
/// so every demo deal obeys the same rules as a real one.
/// </summary>
public sealed class DemoSeeder(ReferralsDbContext db, UserManager<PortalUser> users, TimeProvider clock)
{
    private readonly Random random = new(2026);

    public async Task<bool> SeedAsync(string vendorName, TimeSpan reviewWindow, CancellationToken ct = default)
    {
        if (await db.Organisations.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var vendor = new Organisation(vendorName, OrganisationKind.Vendor, "US");
        var northwind = new Organisation(DemoAccounts.Northwind, OrganisationKind.Partner, "PT");
        var fabrikam = new Organisation(DemoAccounts.Fabrikam, OrganisationKind.Partner, "ES");
        var adventure = new Organisation(DemoAccounts.AdventureWorks, OrganisationKind.Partner, "US");
        db.Organisations.AddRange(vendor, northwind, fabrikam, adventure);
        await db.SaveChangesAsync(ct);

        var actors = new Dictionary<string, Actor>();
        foreach (var (email, name, orgName, role) in DemoAccounts.All)
        {
            var org = orgName switch
            {
                DemoAccounts.Northwind => northwind,
                DemoAccounts.Fabrikam => fabrikam,
                DemoAccounts.AdventureWorks => adventure,
                _ => vendor,
            };
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = org.Id, Role = role };
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role.ToString());
            actors[email] = new Actor(user.Id, name, org.Id, org.Kind, role);
        }

        var programme = actors[DemoAccounts.ProgrammeAdmin];
        Solution Make(Organisation org, string name, string description, MarketplaceStatus m, CoSellStatus c, bool eligible, string area)
        {
            var s = new Solution(org.Id, name, description);
            s.SetProgrammeStatus(programme, m, c, eligible);

            // Each demo solution has a solution area (issue 19), as its partner's admin would set it.
            s.SetArea(new Actor("seed", "Seed", org.Id, OrganisationKind.Partner, PortalRole.ReferralAdmin), area, SolutionAreas.Defaults);
            db.Solutions.Add(s);
            return s;
        }

        var nwAnalytics = Make(northwind, "Northwind Analytics Cloud", "Managed analytics platform for retail and logistics.", MarketplaceStatus.Published, CoSellStatus.CoSellReady, true, SolutionAreas.DataAndAi);
        var nwField = Make(northwind, "Northwind Field Service", "Field service scheduling and mobile work orders.", MarketplaceStatus.Published, CoSellStatus.CoSellReady, false, SolutionAreas.BusinessApplications);
        Make(northwind, "Northwind Edge Gateway", "IoT gateway for warehouses (in preparation).", MarketplaceStatus.Draft, CoSellStatus.NotReady, false, SolutionAreas.Infrastructure);
        Make(fabrikam, "Fabrikam Migration Factory", "Assessment and migration of on-premises workloads.", MarketplaceStatus.Published, CoSellStatus.NotReady, false, SolutionAreas.Infrastructure);
        var awCommerce = Make(adventure, "Adventure Works Commerce Suite", "Headless commerce for outdoor retailers.", MarketplaceStatus.Published, CoSellStatus.CoSellReady, true, SolutionAreas.DigitalAndAppInnovation);
        var customers = DemoCustomers.Create();
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(ct);

        var nwAdmin = actors[DemoAccounts.NorthwindAdmin];
        var awAdmin = actors[DemoAccounts.AdventureWorksAdmin];
        var reviewer = actors[DemoAccounts.Reviewer];
        var scenarios = Enum.GetValues<Scenario>();
        for (var i = 0; i < 48; i++)
        {
            var scenario = scenarios[i % scenarios.Length];
            db.Deals.Add(Replay(scenario, nwAdmin, reviewer, northwind.Id, customers[i % customers.Count], [nwAnalytics, nwField], i, now, reviewWindow));
        }

        for (var i = 0; i < 14; i++)
        {
            var scenario = scenarios[(i * 3) % scenarios.Length];
            db.Deals.Add(Replay(scenario, awAdmin, reviewer, adventure.Id, customers[(i * 7 + 3) % customers.Count], [awCommerce], i, now, reviewWindow));
        }

        await db.SaveChangesAsync(ct);

        var sales = actors[DemoAccounts.NorthwindSales];
        var someDeals = await db.Deals.IgnoreQueryFilters().Where(d => d.OwnerOrganisationId == northwind.Id).OrderBy(d => d.Id).Take(3).Select(d => d.Id).ToListAsync(ct);
        db.DealFavourites.AddRange(someDeals.Select(id => new DealFavourite(sales.UserId, id)));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private enum Scenario
    {
        CoSellNew,
        PrivateActive,
        CoSellActive,
        Won,
        InboundNew,
        Lost,
        Declined,
        CoSellNearExpiry,
        Expired,
        RegistrationSubmitted,
        InboundActive,
        RegistrationApproved,
        ClosedAsError,
        RegistrationRejected,
    }

    private static readonly string[] Projects =
    [
        "Data platform modernisation", "Retail analytics rollout", "Field service expansion", "Cloud migration wave 1",
        "Warehouse visibility", "Customer 360", "Demand forecasting pilot", "Store operations app", "ERP integration",
        "Fleet tracking", "E-commerce replatform", "Supply chain control tower",
    ];

    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];

    private Deal Replay(Scenario scenario, Actor admin, Actor reviewer, int partnerId, Customer customer, Solution[] solutions, int i, DateTime now, TimeSpan window)
    {
        var ageDays = scenario switch
        {
            Scenario.CoSellNew or Scenario.InboundNew => 1 + (i % 8),
            Scenario.CoSellNearExpiry => window.TotalDays - 2 + (i % 2 * 0.5),
            Scenario.Expired => window.TotalDays + 5 + (i % 10),
            _ => 20 + (i * 3 % 150),
        };
        var created = now.AddDays(-ageDays).AddHours(-(i % 9));
        var details = new DealDetails(
            $"{customer.Name} – {Projects[i % Projects.Length]}",
            Math.Round((decimal)(5_000 + random.Next(0, 400) * 2_500) + (i % 4 * 0.5m), 2),
            Currencies[i % Currencies.Length],
            customer.Country,
            DateOnly.FromDateTime(created).AddDays(30 + i % 120),
            i % 11 == 5,
            i % 11 == 5 ? "Contact details are placeholders until the customer's procurement team confirms them." : "Introduced at the regional partner summit.");
        var contact = i % 3 == 0 ? null : new DealContact("Maria", $"Contact{i}", $"maria.contact{i}@example.com", "+351 210 000 000", "IT Director");
        var attached = i % 3 == 1 ? solutions[^1..] : solutions;
        var help = i % 4 == 0 ? HelpWanted.WorkloadValueProposition | HelpWanted.ProofOfConceptOrDemo : HelpWanted.None;
        var later = created.AddDays(2);

        if (scenario is Scenario.InboundNew or Scenario.InboundActive)
        {
            var inbound = Deal.CreateInbound(reviewer, partnerId, customer, contact, details, attached[..1], created, window);
            if (scenario == Scenario.InboundActive)
            {
                inbound.Accept(admin, later);
            }

            return inbound;
        }

        var share = scenario is not (Scenario.PrivateActive or Scenario.ClosedAsError);
        var deal = Deal.CreateOutbound(admin, customer, contact, details, attached, share ? help : HelpWanted.None, share, created, window);
        switch (scenario)
        {
            case Scenario.CoSellActive:
                deal.Accept(reviewer, later);
                break;
            case Scenario.Won:
                deal.Accept(reviewer, later);
                deal.MarkWon(admin, later.AddDays(10));
                break;
            case Scenario.Lost:
                deal.Accept(reviewer, later);
                deal.MarkLost(admin, CloseReason.ChoseAnotherVendor, "Customer standardised on a competitor.", later.AddDays(12));
                break;
            case Scenario.Declined:
                deal.Decline(reviewer, CloseReason.RequirementNotMet, "Workload is outside the programme's scope.", later);
                break;
            case Scenario.Expired:
                deal.Expire(created + window + TimeSpan.FromHours(1));
                break;
            case Scenario.ClosedAsError:
                deal.CloseAsError(admin, ErrorReason.Duplicate, null, later);
                break;
            case Scenario.RegistrationSubmitted or Scenario.RegistrationApproved or Scenario.RegistrationRejected:
                deal.Accept(reviewer, later);
                if (deal.RegistrationStatus == RegistrationStatus.NotRegistered)
                {
                    deal.SubmitRegistration(admin, later.AddDays(1));
                    if (scenario == Scenario.RegistrationApproved)
                    {
                        deal.ApproveRegistration(reviewer, later.AddDays(3));
                    }
                    else if (scenario == Scenario.RegistrationRejected)
                    {
                        deal.RejectRegistration(reviewer, "Customer already registered by another partner.", later.AddDays(3));
                    }
                }

                break;
        }

        return deal;
    }
}
