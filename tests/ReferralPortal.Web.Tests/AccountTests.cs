using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Sign-in through the real login form, sign-out, and what anonymous visitors get.</summary>
public sealed class AccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin, "Nadia Costa · Northwind Traders")]
    [InlineData(DemoAccounts.NorthwindSales, "Samuel Reis · Northwind Traders")]
    [InlineData(DemoAccounts.FabrikamAdmin, "Fatima Alves · Fabrikam Consulting")]
    [InlineData(DemoAccounts.AdventureWorksAdmin, "Adam Walker · Adventure Works")]
    [InlineData(DemoAccounts.Reviewer, "Rita Moreno · Contoso Cloud")]
    [InlineData(DemoAccounts.ProgrammeAdmin, "Paulo Martins · Contoso Cloud")]
    public async Task Demo_account_logs_in_through_the_form_and_sees_its_name_and_organisation(string email, string whoami)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.LoginAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(await client.LandingAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(whoami, page.QuerySelector("[data-testid=whoami]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Login_page_has_email_and_password_fields_and_a_log_in_button()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login");

        Assert.NotNull(page.QuerySelector("label[for=Email]"));
        Assert.Equal("Email", page.QuerySelector("label[for=Email]")!.TextContent.Trim());
        Assert.Equal("Password", page.QuerySelector("label[for=Password]")!.TextContent.Trim());
        Assert.Equal("password", page.QuerySelector("input#Password")!.GetAttribute("type"));
        Assert.Equal("Log in", page.QuerySelector("form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Login_with_a_wrong_password_shows_the_error_and_signs_nobody_in()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.LoginAsync(DemoAccounts.ProgrammeAdmin, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/referrals/shared")).StatusCode);
    }

    [Fact]
    public async Task Login_with_an_unknown_email_shows_the_same_error_as_a_wrong_password()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.LoginAsync("nobody@example.com");

        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_with_empty_fields_re_renders_the_form_with_field_messages()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = string.Empty });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter your email.", page.QuerySelector("[data-valmsg-for=Email]")?.TextContent.Trim());
        Assert.Equal("Enter your password.", page.QuerySelector("[data-valmsg-for=Password]")?.TextContent.Trim());
    }

    [Fact]
    public async Task Login_post_without_the_anti_forgery_token_is_refused()
    {
        using var client = factory.CreatePortalClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = DemoAccounts.NorthwindAdmin, ["Password"] = DemoAccounts.Password });

        var response = await client.Http.PostAsync("/account/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_with_a_return_url_on_another_site_lands_on_the_portal_home()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.NorthwindSales,
            ["Password"] = DemoAccounts.Password,
            ["ReturnUrl"] = "https://evil.example/phish",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_with_a_local_return_url_goes_back_to_it()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = DemoAccounts.NorthwindSales,
            ["Password"] = DemoAccounts.Password,
            ["ReturnUrl"] = "/referrals/inbound",
        });

        Assert.Equal("/referrals/inbound", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/referrals")]
    [InlineData("/referrals/outbound")]
    [InlineData("/deals/1")]
    public async Task Anonymous_request_for_portal_pages_redirects_to_login(string url)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Log_out_ends_the_session()
    {
        using var client = await factory.LoginAsync(DemoAccounts.FabrikamAdmin);
        var page = await client.GetPageAsync("/referrals/outbound");

        var response = await client.PostWithTokenAsync(page, "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/referrals/outbound");
        Assert.StartsWith("/account/login?", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
