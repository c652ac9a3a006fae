using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using static ReferralPortal.Web.Tests.NewDealSteps;

namespace ReferralPortal.Web.Tests;

/// <summary>Issue 18, defect 3: choosing another customer (Customer › Edit) kept the first customer's deal location.</summary>
public sealed class WizardCustomerChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Changing_the_customer_moves_the_default_deal_location_to_the_new_customers_country_in_summary_and_deal()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(admin, factory, "Northwind Analytics Cloud"); // Lisboa Logística, location PT

        var edit = await admin.GetPageAsync($"{draft}/customer?country=ES&name=Madrid");
        var madrid = edit.QuerySelector($"form[action='{draft}/customer/select'] input[name=customerId]")!.GetAttribute("value")!;
        await admin.PostWithTokenAsync(edit, $"{draft}/customer/select", [new("customerId", madrid), new("country", "ES")]);

        var summary = await admin.GetPageAsync($"{draft}/sharing");
        Assert.Contains("Spain", summary.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Portugal", summary.Body!.TextContent, StringComparison.Ordinal);
        var id = DealIdFrom(await CreateAsync(admin, draft, share: false));
        await using var db = factory.NewDbContext();
        Assert.Equal("ES", (await db.Deals.FindAsync(id))!.LocationCountry);
    }
}
