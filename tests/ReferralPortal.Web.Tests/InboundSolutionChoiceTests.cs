using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using static ReferralPortal.Web.Tests.NewDealSteps;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// Issue 18, defect 11: the inbound form offers the chosen partner's solutions only (without JavaScript too) and
/// refuses a mismatch next to the field (the wizard's sharing refusal naming the vendor: NewDealWizardTests).
/// </summary>
public sealed class InboundSolutionChoiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string NorthwindAnalytics = "Northwind Analytics Cloud";

    [Fact]
    public async Task Once_a_partner_is_chosen_the_form_offers_only_that_partners_solutions()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var fabrikam = await OrganisationIdAsync(factory, DemoAccounts.Fabrikam);
        var form = await reviewer.GetPageAsync("/inbound/new");

        // "Show its solutions" posts the form back for the chosen partner, keeping what was typed.
        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new",
            [new("Input.PartnerId", fabrikam.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Input.Name", "Kept name"), new("show", "solutions")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var groups = page.QuerySelectorAll("select[name='Input.SolutionId'] optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal([DemoAccounts.Fabrikam], groups);
        Assert.Equal("Kept name", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll(".field-validation-error"));
    }

    [Fact]
    public async Task The_form_opened_for_a_partner_offers_only_that_partners_solutions()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var northwind = await OrganisationIdAsync(factory, DemoAccounts.Northwind);

        var page = await reviewer.GetPageAsync($"/inbound/new?partnerId={northwind}");

        var options = page.QuerySelectorAll("select[name='Input.SolutionId'] option").Select(o => o.TextContent.Trim()).Skip(1).ToList();
        Assert.NotEmpty(options);
        Assert.All(options, o => Assert.StartsWith("Northwind", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_partners_solution_is_refused_next_to_the_solution_field()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var form = await reviewer.GetPageAsync("/inbound/new");
        var fabrikam = await OrganisationIdAsync(factory, DemoAccounts.Fabrikam);
        var northwindSolution = (await SolutionIdsAsync(factory, NorthwindAnalytics)).Single();
        var customer = form.QuerySelectorAll("select[name='Input.CustomerId'] option").First(o => o.GetAttribute("value") is { Length: > 0 }).GetAttribute("value")!;

        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new",
        [
            new("Input.PartnerId", fabrikam.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.CustomerId", customer),
            new("Input.SolutionId", northwindSolution.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Name", "Mismatched suggestion"),
            new("Input.Value", "1000"),
            new("Input.Currency", "EUR"),
            new("Input.EstimatedCloseDate", Today(factory).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Suggest only published solutions of the chosen partner.", page.QuerySelector("[data-valmsg-for='Input.SolutionId']")?.TextContent.Trim());
    }
}
