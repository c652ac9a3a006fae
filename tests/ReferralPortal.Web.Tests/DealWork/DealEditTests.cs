using System.Net;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;

namespace ReferralPortal.Web.Tests.DealWork;

/// <summary>Edit deal over HTTP: who may, one timeline entry per field, and a stale save that changes nothing.</summary>
public sealed class DealEditTests(QuietPortalFactory factory) : IClassFixture<QuietPortalFactory>
{
    private readonly LifecycleWorld world = new(factory);
    private readonly DealBuilder deals = new(factory);

    [Fact]
    public async Task Edit_by_the_owner_admin_saves_and_shows_one_timeline_entry_per_changed_field()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (page, fields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Value", "62500"), ("Input.EstimatedCloseDate", "2027-06-30"));

        var response = await admin.PostWithTokenAsync(page, $"/deals/{id}/edit", fields);

        LifecycleHttp.AssertApplied(response, id);
        var deal = await DealWorkWorld.DealAsync(factory, id);
        Assert.Equal((62_500m, new DateOnly(2027, 6, 30)), (deal.Value, deal.EstimatedCloseDate));
        var timeline = (await admin.GetPageAsync($"/deals/{id}")).QuerySelectorAll(".timeline-entry").Select(e => e.TextContent).ToList();
        Assert.Contains(timeline, t => t.Contains("changed Value: €50,000.00 → €62,500.00.", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("changed Estimated close date:", StringComparison.Ordinal) && t.Contains("30 Jun 2027", StringComparison.Ordinal));
        Assert.Equal(2, deal.Activities.Count(a => a.Kind == ActivityKind.Edited));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("pt-PT")]
    public async Task Edit_form_shows_a_stored_value_with_its_two_decimals_in_either_language(string language)
    {
        var id = await deals.OutboundAsync(setup: new DealSetup(Value: 287_500.50m), then: (deal, _, reviewer, now) => deal.Accept(reviewer, now));
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await admin.SwitchLanguageAsync(language, "/");
        try
        {
            var page = await admin.GetPageAsync($"/deals/{id}/edit");

            Assert.Equal("287500.50", page.QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));
        }
        finally
        {
            // The language is remembered for the user: the other tests of the class read English pages.
            await admin.SwitchLanguageAsync("en", "/");
        }
    }

    [Fact]
    public async Task Edit_form_sent_back_with_an_error_shows_the_value_as_the_user_typed_it()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (page, fields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Value", "287500.50"), ("Input.Name", string.Empty));

        var response = await admin.PostWithTokenAsync(page, $"/deals/{id}/edit", fields);

        var body = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(body.QuerySelector("#Input_Name-error"));
        Assert.Equal("287500.50", body.QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Edit_with_a_stale_version_changes_nothing_and_keeps_the_typed_values_beside_the_current_ones()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (stalePage, staleFields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Name", "My typed name"), ("Input.Value", "77777"));
        var (freshPage, freshFields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Value", "55000"));
        LifecycleHttp.AssertApplied(await admin.PostWithTokenAsync(freshPage, $"/deals/{id}/edit", freshFields), id);
        var before = await DealWorkWorld.DealAsync(factory, id);

        var response = await admin.PostWithTokenAsync(stalePage, $"/deals/{id}/edit", staleFields);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await DealWorkWorld.DealAsync(factory, id);
        Assert.Equal((before.Name, before.Value, before.Version, before.Activities.Count), (after.Name, after.Value, after.Version, after.Activities.Count));
        var body = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("changed by someone else", body.QuerySelector("[data-testid=edit-conflict]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("My typed name", body.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal("77777", body.QuerySelector("input[name='Input.Value']")!.GetAttribute("value"));
        Assert.Equal("Current value: €55,000.00", body.QuerySelector("#current-Value")!.TextContent.Trim());
        Assert.Equal("Current value: Lifecycle test opportunity", body.QuerySelector("#current-Name")!.TextContent.Trim());
    }

    [Fact]
    public async Task Edit_saved_again_after_a_conflict_applies_the_typed_values()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (stalePage, staleFields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Name", "Second try"));
        var (freshPage, freshFields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.Value", "55000"));
        LifecycleHttp.AssertApplied(await admin.PostWithTokenAsync(freshPage, $"/deals/{id}/edit", freshFields), id);
        var conflict = await PortalClient.ParseAsync(await (await admin.PostWithTokenAsync(stalePage, $"/deals/{id}/edit", staleFields)).Content.ReadAsStringAsync());
        var version = conflict.QuerySelector("input[name=version]")!.GetAttribute("value")!;

        var response = await admin.PostWithTokenAsync(conflict, $"/deals/{id}/edit", [.. staleFields.Where(f => f.Key != "version"), new("version", version)]);

        LifecycleHttp.AssertApplied(response, id);
        Assert.Equal("Second try", (await DealWorkWorld.DealAsync(factory, id)).Name);
    }

    [Fact]
    public async Task Edit_with_a_close_date_in_the_past_is_refused_with_the_field_message_and_changes_nothing()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (page, fields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.EstimatedCloseDate", "2020-01-01"));

        var response = await admin.PostWithTokenAsync(page, $"/deals/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Estimated close date must be today or later.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(new DateOnly(2020, 1, 1), (await DealWorkWorld.DealAsync(factory, id)).EstimatedCloseDate);
    }

    [Fact]
    public async Task Edit_page_of_a_shared_deal_shows_the_contact_customer_and_location_read_only()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await admin.GetPageAsync($"/deals/{id}/edit");

        Assert.Null(page.QuerySelector("input[name='Input.Email']"));
        Assert.Null(page.QuerySelector("[name='Input.LocationCountry']"));
        Assert.NotNull(page.QuerySelector("[data-testid=contact-locked]"));
        Assert.Contains("never change after the deal is created", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_of_a_private_deals_contact_is_saved()
    {
        var id = await world.PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var (page, fields) = await DealWorkWorld.EditFormAsync(admin, id, ("Input.FirstName", "Ana"), ("Input.Email", "ana@example.com"));

        LifecycleHttp.AssertApplied(await admin.PostWithTokenAsync(page, $"/deals/{id}/edit", fields), id);

        Assert.Equal("ana@example.com", (await DealWorkWorld.DealAsync(factory, id)).Contact!.Email);
    }

    [Fact]
    public async Task Edit_by_a_referral_user_off_the_team_is_refused_and_on_the_team_is_allowed()
    {
        var id = await world.CoSellActiveAsync();
        using var sales = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/deals/{id}/edit")).StatusCode);
        await DealWorkWorld.AddToTeamAsync(factory, admin, id, DemoAccounts.NorthwindSales);
        var (page, fields) = await DealWorkWorld.EditFormAsync(sales, id, ("Input.Name", "Renamed by the team"));

        LifecycleHttp.AssertApplied(await sales.PostWithTokenAsync(page, $"/deals/{id}/edit", fields), id);
        Assert.Equal("Renamed by the team", (await DealWorkWorld.DealAsync(factory, id)).Name);
    }

    [Fact]
    public async Task Edit_of_a_won_deal_is_refused()
    {
        var id = await world.CoSellActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        LifecycleHttp.AssertApplied(await admin.PostAsync($"/deals/{id}/won"), id);

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/deals/{id}/edit")).StatusCode);
    }
}
