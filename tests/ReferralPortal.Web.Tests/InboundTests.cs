using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests;

/// <summary>New inbound referral: a reviewer sends a referral to one partner, whose admins then decide.</summary>
public sealed class InboundTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);

    [Fact]
    public async Task Reviewer_sends_an_inbound_referral_that_is_new_for_the_partner_with_a_14_day_window()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var (form, fields) = await ValidFormAsync(reviewer);

        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString["/deals/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var deal = await world.DealAsync(id);
        Assert.Equal((DealDirection.Inbound, DealStatus.New, DealType.CoSell), (deal.Direction, deal.Status, deal.DealType));
        Assert.Equal(world.Now.AddDays(14), deal.ReviewDueAt);
        Assert.Equal((await world.ActorAsync(DemoAccounts.NorthwindAdmin)).OrganisationId, deal.OwnerOrganisationId);
    }

    [Fact]
    public async Task Inbound_referral_appears_on_the_partners_inbound_tab_and_notifies_its_admin()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var (form, fields) = await ValidFormAsync(reviewer, "Inbound tab visibility check");
        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", fields);
        var id = int.Parse(response.Headers.Location!.OriginalString["/deals/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var tab = await admin.GetPageAsync("/referrals/inbound");

        Assert.NotNull(tab.QuerySelector($"a[href='/deals/{id}']"));
        await using var db = factory.NewDbContext();
        var admins = await db.Notifications.Where(n => n.DealId == id && n.Kind == NotificationKind.NewInboundReferral).Select(n => n.UserId).ToListAsync();
        Assert.Equal([(await world.ActorAsync(DemoAccounts.NorthwindAdmin)).UserId], admins);
    }

    [Fact]
    public async Task Inbound_form_without_required_fields_re_renders_with_field_messages_and_creates_nothing()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var form = await reviewer.GetPageAsync("/inbound/new");
        await using var db = factory.NewDbContext();
        var before = await db.Deals.CountAsync();

        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", [new("Input.Name", "Kept name")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose the partner to send the referral to.", page.QuerySelector("[data-valmsg-for='Input.PartnerId']")?.TextContent.Trim());
        Assert.Equal("Kept name", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal(before, await db.Deals.CountAsync());
    }

    [Fact]
    public async Task Inbound_referral_suggesting_another_partners_solution_is_refused_with_a_message()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        var (form, fields) = await ValidFormAsync(reviewer);
        var otherSolution = form.QuerySelectorAll("select[name='Input.SolutionId'] optgroup")
            .First(g => g.GetAttribute("label") == DemoAccounts.AdventureWorks).QuerySelector("option")!.GetAttribute("value")!;
        var tampered = fields.Where(f => f.Key != "Input.SolutionId").Append(new("Input.SolutionId", otherSolution));

        var response = await reviewer.PostWithTokenAsync(form, "/inbound/new", tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Suggest only published solutions of the chosen partner.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoAccounts.NorthwindAdmin)]
    [InlineData(DemoAccounts.NorthwindSales)]
    public async Task Inbound_form_is_refused_to_partner_users(string email)
    {
        using var client = await factory.LoginAsync(email);

        var response = await client.GetAsync("/inbound/new");

        LifecycleHttp.AssertRefused(response);
    }

    [Fact]
    public async Task Sent_tab_offers_new_inbound_referral_to_reviewers()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var tab = await reviewer.GetPageAsync("/referrals/sent");

        Assert.Equal("New inbound referral", tab.QuerySelector("a[href='/inbound/new']")?.TextContent.Trim());
    }

    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Form, List<KeyValuePair<string, string>> Fields)> ValidFormAsync(PortalClient reviewer, string name = "Inbound warehouse analytics")
    {
        var form = await reviewer.GetPageAsync("/inbound/new");
        string Option(string select, string text) => form.QuerySelectorAll($"select[name='{select}'] option").First(o => o.TextContent.StartsWith(text, StringComparison.Ordinal)).GetAttribute("value")!;
        var customer = form.QuerySelectorAll("select[name='Input.CustomerId'] option").First(o => o.GetAttribute("value") is { Length: > 0 }).GetAttribute("value")!;
        return (form,
        [
            new("Input.PartnerId", Option("Input.PartnerId", DemoAccounts.Northwind)),
            new("Input.CustomerId", customer),
            new("Input.SolutionId", Option("Input.SolutionId", "Northwind Analytics Cloud")),
            new("Input.Name", name),
            new("Input.Value", "75000"),
            new("Input.Currency", "EUR"),
            new("Input.EstimatedCloseDate", DateOnly.FromDateTime(PortalFactory.Start.UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.FirstName", "Ana"),
            new("Input.Email", "ana@example.com"),
        ]);
    }
}
