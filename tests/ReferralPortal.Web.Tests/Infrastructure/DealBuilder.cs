using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Customers;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// The Web tests' one builder of deals: real domain methods (<see cref="Deal.CreateOutbound"/>,
/// <see cref="Deal.CreateInbound"/>), saved in the app's test database, owned by the demo organisations, with the
/// review window the app is configured with (never a literal number of days in a test).
/// </summary>
public sealed class DealBuilder(PortalFactory factory)
{
    /// <summary>The programme's review window as the app under test has it configured.</summary>
    public TimeSpan ReviewWindow => factory.Services.GetRequiredService<IOptions<ProgrammeOptions>>().Value.ReviewWindow;

    public DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The demo user as the domain sees them (the app is started first: it migrates and seeds on start).</summary>
    public async Task<Actor> ActorAsync(string email)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var user = await db.Users.Include(u => u.Organisation).SingleAsync(u => u.Email == email);
        return new Actor(user.Id, user.DisplayName, user.OrganisationId, user.Organisation!.Kind, user.Role);
    }

    /// <summary>
    /// An outbound deal of <paramref name="ownerAdmin"/>'s organisation, created at <paramref name="at"/> (now by
    /// default; its review window runs from then), shared (co-sell) or private; <paramref name="then"/> moves it on
    /// (owner admin, reviewer, five minutes later) before it is saved. Returns its ID.
    /// </summary>
    public async Task<int> OutboundAsync(
        string ownerAdmin = DemoAccounts.NorthwindAdmin,
        bool share = true,
        DateTime? at = null,
        DealSetup? setup = null,
        Action<Deal, Actor, Actor, DateTime>? then = null)
    {
        var admin = await ActorAsync(ownerAdmin);
        var reviewer = await ActorAsync(DemoAccounts.Reviewer);
        var when = at ?? Now;
        setup ??= new DealSetup();
        await using var db = factory.NewDbContext();
        var (customer, solutions) = await PartsAsync(db, admin, setup);
        var deal = Deal.CreateOutbound(admin, customer, null, setup.Details(when), solutions, HelpWanted.None, share, when, ReviewWindow);
        then?.Invoke(deal, admin, reviewer, when.AddMinutes(5));
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    /// <summary>A referral the vendor sent to <paramref name="partnerAdmin"/>'s organisation: New, awaiting the partner's admins.</summary>
    public async Task<int> InboundAsync(string partnerAdmin = DemoAccounts.NorthwindAdmin, DateTime? at = null, DealSetup? setup = null)
    {
        var reviewer = await ActorAsync(DemoAccounts.Reviewer);
        var admin = await ActorAsync(partnerAdmin);
        var when = at ?? Now;
        setup ??= new DealSetup();
        await using var db = factory.NewDbContext();
        var (customer, solutions) = await PartsAsync(db, admin, setup);
        var deal = Deal.CreateInbound(reviewer, admin.OrganisationId, customer, null, setup.Details(when), solutions, when, ReviewWindow);
        db.Deals.Add(deal);
        await db.SaveChangesAsync();
        return deal.Id;
    }

    // A new customer of the deal's own when the setup names one, otherwise the first seeded customer; the
    // organisation's published solutions (all of them, or one co-sell ready of the asked registration eligibility),
    // put in the setup's solution area when it names one.
    private static async Task<(Customer, List<Solution>)> PartsAsync(Data.ReferralsDbContext db, Actor admin, DealSetup setup)
    {
        var organisationId = admin.OrganisationId;
        Customer customer;
        if (setup.CustomerName is { } name)
        {
            customer = new Customer(name, setup.Country, "Rua Nova 1", "Lisboa", "1000-001", "Retail", CompanySize.Small, null, addedManually: !setup.CustomerInDirectory);
            db.Customers.Add(customer);
        }
        else
        {
            customer = await db.Customers.OrderBy(c => c.Id).FirstAsync();
        }

        var published = (await db.Solutions.Where(s => s.OrganisationId == organisationId).ToListAsync()).Where(s => s.IsPublished).ToList();
        var solutions = setup.Eligible is { } eligible
            ? published.Where(s => s.IsCoSellReady && s.MakesDealsEligibleForRegistration == eligible).Take(1).ToList()
            : published;
        Assert.NotEmpty(solutions);
        if (setup.SolutionArea is { } area)
        {
            foreach (var solution in solutions)
            {
                solution.SetArea(admin, area, SolutionAreas.Defaults);
            }
        }

        return (customer, solutions);
    }
}

/// <summary>
/// What a test says about its deal; the rest has a plain default. <see cref="CustomerName"/>: a new customer of that
/// name (else the first seeded one); <see cref="Eligible"/>: attach one co-sell ready solution that does or does not
/// make the deal registration eligible (else every published solution of the organisation); <see cref="CustomerInDirectory"/>:
/// the new customer is a directory one rather than added by hand in the wizard; <see cref="SolutionArea"/>: the deal's
/// solutions are put in that area first.
/// </summary>
public sealed record DealSetup(
    string Name = "Lifecycle test opportunity",
    string? CustomerName = null,
    string Country = "PT",
    decimal Value = 50_000m,
    string? Notes = "Arranged by a test.",
    bool? Eligible = true,
    bool CustomerInDirectory = false,
    string? SolutionArea = null)
{
    public DealDetails Details(DateTime at) => new(Name, Value, "EUR", Country, DateOnly.FromDateTime(at).AddDays(90), false, Notes);
}
