using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Localisation;

public sealed class PortugueseUiTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Workspace_with_the_portuguese_culture_cookie_shows_portuguese_labels()
    {
        using var client = await PortugueseClientAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.Equal("pt-PT", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Oportunidades", page.QuerySelector("h1")!.TextContent.Trim());
        var headers = page.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Nome do negócio", headers);
        Assert.Contains("Estado", headers);
        var badges = page.QuerySelectorAll(".badge-status").Select(b => b.TextContent.Trim()).ToHashSet();
        Assert.Contains("Ativa", badges);
    }

    [Fact]
    public async Task Workspace_in_portuguese_formats_money_the_portuguese_way()
    {
        var dealId = await SetValueOfANorthwindOutboundDealAsync(1234.56m, "EUR");
        using var client = await PortugueseClientAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync($"/referrals/outbound?q={Deal.FormatReferralId(dealId)}");

        var value = Normalise(page.QuerySelector("td[data-label=Valor]")!.TextContent);
        Assert.Equal("1 234,56 €", value);
    }

    [Fact]
    public async Task Workspace_without_a_culture_choice_stays_english()
    {
        // Not a user the other tests switch: a switch while signed in is stored and comes back at sign-in.
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync("/referrals/outbound");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Referrals", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Browser_asking_for_portuguese_gets_portuguese_before_any_choice()
    {
        using var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-PT,pt;q=0.9");

        var page = await client.GetPageAsync("/account/login");

        Assert.Equal("Iniciar sessão", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Every_page_links_to_each_language_back_to_the_same_page()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login?returnUrl=%2Freferrals");

        var links = page.QuerySelectorAll("[data-testid=language-switcher] a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("English", "/culture/en?returnUrl=%2Faccount%2Flogin%3FreturnUrl%3D%252Freferrals"), ("Português", "/culture/pt-PT?returnUrl=%2Faccount%2Flogin%3FreturnUrl%3D%252Freferrals")],
            links);
    }

    [Fact]
    public async Task Language_switcher_stores_the_choice_in_the_culture_cookie_and_goes_back()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SwitchLanguageAsync("pt-PT", "/account/login?returnUrl=%2Freferrals");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?returnUrl=%2Freferrals", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Dpt-PT%7Cuic%3Dpt-PT", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_switcher_does_not_redirect_to_another_site()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SwitchLanguageAsync("pt-PT", "https://evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Language_switcher_refuses_an_unsupported_culture()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SwitchLanguageAsync("xx-YY", "/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Validation_messages_are_portuguese_in_the_portuguese_ui()
    {
        using var client = factory.CreatePortalClient();
        await client.SwitchLanguageAsync("pt-PT", "/account/login");

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = string.Empty });
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("Introduza o seu e-mail.", page.QuerySelector("[data-valmsg-for=Email]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Refusal_from_the_domain_is_shown_in_portuguese()
    {
        using var client = await PortugueseClientAsync(DemoAccounts.FabrikamAdmin);

        var page = await client.GetPageAsync("/deals/new", HttpStatusCode.Forbidden);

        Assert.Contains("A sua organização precisa de uma solução publicada com o estado pronta para co-venda.", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_notification_reads_in_portuguese()
    {
        var facts = new NotificationArguments("R-000012", "Lisbon rollout", Reason: nameof(CloseReason.BudgetNotAdequate));

        var text = InCulture("pt-PT", () => NotificationTexts.Render(NotificationMessage.Lost, facts, null, DateTime.UtcNow));

        Assert.Equal("R-000012 “Lisbon rollout” foi marcada como perdida: Orçamento inadequado.", text);
    }

    [Fact]
    public void Notification_stored_before_messages_were_data_is_shown_as_stored()
    {
        var text = InCulture("pt-PT", () => NotificationTexts.Render(null, null, "Something new happened.", DateTime.UtcNow));

        Assert.Equal("Something new happened.", text);
    }

    [Theory]
    [InlineData("en", "The registration of R-000012 “Lisbon rollout” was rejected: Customer already registered.")]
    [InlineData("pt-PT", "O registo de R-000012 “Lisbon rollout” foi rejeitado: Customer already registered.")]
    public void Rejection_reason_ending_in_a_full_stop_is_shown_with_one(string culture, string expected)
    {
        var facts = new NotificationArguments("R-000012", "Lisbon rollout", Reason: "Customer already registered.");

        var text = InCulture(culture, () => NotificationTexts.Render(NotificationMessage.RegistrationRejected, facts, null, DateTime.UtcNow));

        Assert.Equal(expected, text);
    }

    private async Task<PortalClient> PortugueseClientAsync(string email)
    {
        var client = await factory.LoginAsync(email);
        await client.SwitchLanguageAsync("pt-PT", "/");
        return client;
    }

    private async Task<int> SetValueOfANorthwindOutboundDealAsync(decimal value, string currency)
    {
        // The app migrates and seeds the database when it starts: start it, whichever test of the class runs first.
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var northwind = await db.Organisations.IgnoreQueryFilters().Where(o => o.Name == "Northwind Traders").Select(o => o.Id).SingleAsync(Ct);
        var id = await db.Deals.IgnoreQueryFilters()
            .Where(d => d.OwnerOrganisationId == northwind && d.Direction == DealDirection.Outbound && d.Status == DealStatus.Active)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
        await db.Deals.IgnoreQueryFilters().Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Value, value).SetProperty(d => d.Currency, currency), Ct);
        return id;
    }

    // ICU writes the group separator as a no-break or narrow no-break space.
    private static string Normalise(string text) => text.Trim().Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private static string InCulture(string culture, Func<string> read)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        var beforeFormat = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture) = (before, beforeFormat);
        }
    }
}
