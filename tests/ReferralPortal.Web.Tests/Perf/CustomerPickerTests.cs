using System.Net;
using System.Text.Json;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Perf;

/// <summary>
/// The customer picker's JSON endpoint (issue 17): only the people who choose customers may search the shared
/// directory, a match carries directory fields only (nothing of any organisation's deals), and it answers a
/// country and at least two characters with at most 20 matches. The inbound form no longer lists the whole directory.
/// </summary>
public sealed class CustomerPickerTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    [Fact]
    public async Task Partner_admin_gets_at_most_twenty_matches_of_the_country_with_directory_fields_only()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        using var response = await admin.GetAsync("/customers/search?country=PT&q=lis");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var matches = json.RootElement.EnumerateArray().ToList();
        Assert.InRange(matches.Count, 1, 20);
        Assert.All(matches, m =>
        {
            Assert.Equal(["city", "country", "id", "name"], m.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("PT", m.GetProperty("country").GetString());
            Assert.Contains("LIS", m.GetProperty("name").GetString()!.ToUpperInvariant(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindSales)]
    [InlineData(DemoAccounts.FabrikamAdmin)]
    public async Task Users_who_choose_no_customers_are_refused(string email)
    {
        using var user = await factory.LoginAsync(email);

        using var response = await user.GetAsync("/customers/search?country=PT&q=lis");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("Lisboa", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_request_is_sent_to_sign_in_without_matches()
    {
        using var anonymous = factory.CreatePortalClient();

        using var response = await anonymous.GetAsync("/customers/search?country=PT&q=lis");

        Assert.Contains("/account/login", response.RequestMessage!.RequestUri!.AbsolutePath + response.Headers.Location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Lisboa", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/customers/search?country=PT&q=l")]
    [InlineData("/customers/search?country=XX&q=lis")]
    [InlineData("/customers/search?q=lis")]
    public async Task Less_than_a_country_and_two_characters_is_a_bad_request(string url)
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        using var response = await reviewer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Inbound_form_offers_the_matches_of_its_search_button_not_the_whole_directory()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var form = await reviewer.GetPageAsync("/inbound/new");

        using var searched = await reviewer.PostWithTokenAsync(form, "/inbound/new",
            [new("show", "customers"), new("Input.CustomerCountry", "PT"), new("Input.CustomerSearch", "lisboa")]);

        var page = await PortalClientParse(searched);
        var offered = page.QuerySelectorAll("select[name='Input.CustomerId'] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToList();
        Assert.NotEmpty(offered);
        Assert.All(offered, o => Assert.Contains("LISBOA", o.TextContent.ToUpperInvariant(), StringComparison.Ordinal));
        Assert.InRange(form.QuerySelectorAll("select[name='Input.CustomerId'] option").Length, 2, 21);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> PortalClientParse(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Infrastructure.PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
