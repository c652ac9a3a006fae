using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Common;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests.Localisation;

/// <summary>Country names follow the UI language and its alphabetical order; forms and filters still carry the code.</summary>
public sealed class CountryNamesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly CultureInfo Portuguese = CultureInfo.GetCultureInfo("pt-PT");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("DE", "Alemanha")]
    [InlineData("US", "Estados Unidos")]
    [InlineData("GB", "Reino Unido")]
    [InlineData("NL", "Países Baixos")]
    [InlineData("BR", "Brasil")]
    [InlineData("CI", "Costa do Marfim")]
    [InlineData("ZA", "África do Sul")]
    public void Country_name_in_portuguese_is_the_european_portuguese_name(string code, string name)
    {
        Assert.Equal(name, LocalizationSetup.InCulture("pt-PT", () => Format.Country(code)));
    }

    [Fact]
    public void Country_name_in_english_is_the_english_name()
    {
        Assert.Equal("Germany", LocalizationSetup.InCulture("en", () => Format.Country("DE")));
    }

    [Fact]
    public void Every_country_has_a_name_in_the_resources()
    {
        var keys = SourceTree.ReadResx(SourceTree.Resource()).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Countries.All.Where(c => !keys.Contains(c.Name)).Select(c => $"{c.Code} {c.Name}"));
    }

    [Fact]
    public async Task Country_list_of_the_new_deal_form_in_portuguese_is_in_portuguese_alphabetical_order()
    {
        using var client = await PortugueseClientAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync("/deals/new?country=DE");

        var options = page.QuerySelectorAll("select#country option").Skip(1).Cast<IHtmlOptionElement>().ToList();
        var labels = options.ConvertAll(o => o.Text.Trim());
        Assert.Equal("Alemanha", options.Single(o => o.IsSelected).Text.Trim());
        Assert.Equal("DE", options.Single(o => o.IsSelected).Value);
        Assert.Equal(labels.Order(StringComparer.Create(Portuguese, false)), labels);

        // Culture-aware, not by code point: "África do Sul" sits among the A's, not after "Zimbabué".
        Assert.True(labels.IndexOf("Afeganistão") < labels.IndexOf("África do Sul"));
        Assert.True(labels.IndexOf("África do Sul") < labels.IndexOf("Alemanha"));
    }

    [Fact]
    public async Task Country_list_of_the_inbound_form_in_english_is_in_english_alphabetical_order()
    {
        using var client = await factory.LoginAsync(DemoAccounts.Reviewer);

        var page = await client.GetPageAsync("/inbound/new");

        var options = page.QuerySelectorAll("select#Input_LocationCountry option").Skip(1).Cast<IHtmlOptionElement>().ToList();
        var labels = options.ConvertAll(o => o.Text.Trim());
        Assert.Equal("DE", options.Single(o => o.Text.Trim() == "Germany").Value);
        Assert.Equal(labels.Order(StringComparer.Create(CultureInfo.GetCultureInfo("en"), false)), labels);
    }

    [Fact]
    public async Task Workspace_country_filter_in_portuguese_shows_portuguese_names_and_filters_by_code()
    {
        await MoveFirstDealOfAsync(DemoAccounts.AdventureWorks, "ES");
        using var client = await PortugueseClientAsync(DemoAccounts.AdventureWorksAdmin);

        var page = await client.GetPageAsync("/referrals/outbound?country=ES");

        var selected = page.QuerySelectorAll("select#filter-country option").Cast<IHtmlOptionElement>().Single(o => o.IsSelected);
        Assert.Equal(("ES", "Espanha"), (selected.Value, selected.Text.Trim()));
        var labels = WorkspaceTestData.OptionLabels(page, "filter-country");
        Assert.Equal(labels.Order(StringComparer.Create(Portuguese, false)), labels);
        var rows = page.QuerySelectorAll("td[data-label=País] span").ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("ES", "Espanha"), (r.TextContent.Trim(), r.GetAttribute("title"))));
    }

    [Fact]
    public async Task Deal_page_in_portuguese_names_the_deal_location_in_portuguese()
    {
        var dealId = await MoveFirstDealOfAsync(DemoAccounts.AdventureWorks, "NL");
        using var client = await PortugueseClientAsync(DemoAccounts.AdventureWorksAdmin);

        var page = await client.GetPageAsync($"/deals/{dealId}");

        var location = page.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == "Localização do negócio").NextElementSibling!;
        Assert.Equal("Países Baixos", location.TextContent.Trim());
    }

    private async Task<PortalClient> PortugueseClientAsync(string email)
    {
        var client = await factory.LoginAsync(email);
        await client.SwitchLanguageAsync("pt-PT");
        return client;
    }

    private async Task<int> MoveFirstDealOfAsync(string organisation, string country)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        var org = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(Ct);
        var id = await db.Deals.IgnoreQueryFilters()
            .Where(d => d.OwnerOrganisationId == org && d.Direction == DealDirection.Outbound)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync(Ct);
        await db.Deals.IgnoreQueryFilters().Where(d => d.Id == id).ExecuteUpdateAsync(s => s.SetProperty(d => d.LocationCountry, country), Ct);
        return id;
    }
}
