using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Issue 18, defect 2: the configured currencies were appended to the options' default list and offered twice.</summary>
public sealed class CurrencyListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Inbound_form_offers_each_configured_currency_once()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var form = await reviewer.GetPageAsync("/inbound/new");

        var offered = form.QuerySelectorAll("select[name='Input.Currency'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v));
        Assert.Equal(["USD", "EUR", "GBP"], offered);
    }

    [Fact]
    public async Task Wizard_details_step_offers_each_configured_currency_once()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await NewDealSteps.SelectCustomerAsync(admin);
        await NewDealSteps.SkipContactAsync(admin, draft);

        var step = await admin.GetPageAsync($"{draft}/details");

        var offered = step.QuerySelectorAll("select[name='Input.Currency'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v));
        Assert.Equal(["USD", "EUR", "GBP"], offered);
    }
}
