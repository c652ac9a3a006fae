using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.Localisation;

/// <summary>The language stored on the user: set by the switcher, brought along at sign-in, used for e-mails.</summary>
public sealed class UserLanguageTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Switching_language_while_signed_in_stores_it_on_the_user()
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindSales, null);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.SwitchLanguageAsync("pt-PT");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("pt-PT", await PreferenceAsync(DemoAccounts.NorthwindSales));
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task A_switch_led_by_another_site_changes_that_browser_only_and_is_not_stored(string fetchSite)
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindSales, "en");
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture/pt-PT?returnUrl=%2F");
        request.Headers.Add("Sec-Fetch-Site", fetchSite);

        using var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Equal("en", await PreferenceAsync(DemoAccounts.NorthwindSales));
    }

    [Fact]
    public async Task A_switch_from_a_portal_page_is_stored()
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindSales, null);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture/pt-PT?returnUrl=%2F");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("pt-PT", await PreferenceAsync(DemoAccounts.NorthwindSales));
    }

    [Fact]
    public async Task Switching_language_with_other_letter_case_stores_the_portal_spelling()
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindSales, null);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        await client.SwitchLanguageAsync("PT-pt");

        Assert.Equal("pt-PT", await PreferenceAsync(DemoAccounts.NorthwindSales));
    }

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("pt-BR")]
    [InlineData("pt")]
    [InlineData("en-US")]
    [InlineData("pt-PT;en")]
    [InlineData("c=pt-PT|uic=pt-PT")]
    [InlineData("0123456789012345678901234567890123456789")]
    public async Task Switching_to_an_unsupported_language_while_signed_in_is_refused_and_stores_nothing(string culture)
    {
        await SetPreferenceAsync(DemoAccounts.ProgrammeAdmin, "en");
        using var client = await factory.LoginAsync(DemoAccounts.ProgrammeAdmin);

        var response = await client.SwitchLanguageAsync(culture);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
        Assert.Equal("en", await PreferenceAsync(DemoAccounts.ProgrammeAdmin));
    }

    [Fact]
    public async Task Signing_in_from_a_fresh_browser_brings_the_stored_language()
    {
        await SetPreferenceAsync(DemoAccounts.AdventureWorksAdmin, null);
        using (var first = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin))
        {
            await first.SwitchLanguageAsync("pt-PT");
        }

        using var fresh = factory.CreatePortalClient();
        var login = await fresh.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var page = await fresh.GetPageAsync("/referrals/outbound");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("pt-PT", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Oportunidades", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Signing_in_puts_the_stored_language_before_the_one_picked_in_this_browser()
    {
        await SetPreferenceAsync(DemoAccounts.Reviewer, "en");
        using var client = factory.CreatePortalClient();
        await client.SwitchLanguageAsync("pt-PT");

        await client.LoginAsync(DemoAccounts.Reviewer);
        var page = await client.GetPageAsync("/referrals/shared");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", await PreferenceAsync(DemoAccounts.Reviewer));
    }

    [Fact]
    public async Task Signing_in_with_nothing_stored_stores_the_language_picked_in_this_browser()
    {
        await SetPreferenceAsync(DemoAccounts.FabrikamAdmin, null);
        using var client = factory.CreatePortalClient();
        await client.SwitchLanguageAsync("pt-PT");

        await client.LoginAsync(DemoAccounts.FabrikamAdmin);

        Assert.Equal("pt-PT", await PreferenceAsync(DemoAccounts.FabrikamAdmin));
    }

    [Fact]
    public async Task Signing_in_with_nothing_stored_and_no_choice_in_this_browser_stores_nothing()
    {
        await SetPreferenceAsync(DemoAccounts.FabrikamAdmin, null);
        using var client = factory.CreatePortalClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("pt-PT");

        await client.LoginAsync(DemoAccounts.FabrikamAdmin);

        Assert.Null(await PreferenceAsync(DemoAccounts.FabrikamAdmin));
    }

    [Fact]
    public async Task Email_to_a_recipient_who_chose_portuguese_is_in_portuguese_only()
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindAdmin, "pt-PT");

        var (mail, id) = await DeclineAndReadTheOwnersMailAsync(reviewerCulture: "en");

        Assert.Equal($"Atualização da oportunidade {Deal.FormatReferralId(id)}", mail.Subject);
        Assert.StartsWith("Olá Nadia Costa,", mail.Body, StringComparison.Ordinal);
        Assert.Contains("foi recusada", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Abrir a oportunidade: /deals/{id}", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("was declined", mail.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    public async Task Email_to_a_recipient_without_portuguese_is_in_english_only_whatever_the_sender_reads(string? preference)
    {
        await SetPreferenceAsync(DemoAccounts.NorthwindAdmin, preference);

        var (mail, id) = await DeclineAndReadTheOwnersMailAsync(reviewerCulture: "pt-PT");

        Assert.Equal($"Update on referral {Deal.FormatReferralId(id)}", mail.Subject);
        Assert.StartsWith("Hello Nadia Costa,", mail.Body, StringComparison.Ordinal);
        Assert.Contains("was declined: Not a customer.", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Olá", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Atualização", mail.Subject, StringComparison.Ordinal);
    }

    private async Task<(Domain.Notifications.EmailMessage Mail, int DealId)> DeclineAndReadTheOwnersMailAsync(string reviewerCulture)
    {
        var id = await world.CoSellNewAsync();
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        await reviewer.SwitchLanguageAsync(reviewerCulture);

        LifecycleHttp.AssertApplied(await reviewer.PostAsync($"/deals/{id}/decline", ("Input.Reason", nameof(CloseReason.NotACustomer))), id);

        await using var db = factory.NewDbContext();
        var mail = Assert.Single(await db.EmailOutbox.AsNoTracking().Where(m => m.Body.Contains($"/deals/{id}")).ToListAsync(Ct));
        Assert.Equal(DemoAccounts.NorthwindAdmin, mail.To);
        return (mail, id);
    }

    private async Task SetPreferenceAsync(string email, string? culture)
    {
        _ = factory.Server;
        await using var db = factory.NewDbContext();
        await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture), Ct);
    }

    private async Task<string?> PreferenceAsync(string email)
    {
        await using var db = factory.NewDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => u.PreferredCulture).SingleAsync(Ct);
    }
}
