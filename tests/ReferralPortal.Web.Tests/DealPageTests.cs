using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>The deal page: fields, the timeline, the notes thread and which actions show (who may see it: TenantIsolationTests).</summary>
public sealed class DealPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<int> DealAsync(string ownerName, Func<IQueryable<Deal>, IQueryable<Deal>> where)
    {
        var owner = await WorkspaceTestData.OrganisationIdAsync(factory, ownerName);
        await using var db = WorkspaceTestData.Db(factory);
        return await where(db.Deals.Where(d => d.OwnerOrganisationId == owner)).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
    }

    [Fact]
    public async Task Deal_page_shows_the_deals_fields_badges_and_countdown()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.Status == DealStatus.New && d.Direction == DealDirection.Outbound));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync($"/deals/{id}");

        var text = page.Body!.TextContent;
        Assert.Contains(Deal.FormatReferralId(id), text, StringComparison.Ordinal);
        Assert.Contains("Northwind Traders", text, StringComparison.Ordinal);
        Assert.Contains("Estimated close date", text, StringComparison.Ordinal);
        Assert.Contains("Co-sell", page.QuerySelector("[data-testid=deal-badges]")!.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"Review (\d+ days? left|due today)", page.QuerySelector("[data-testid=review-countdown]")!.TextContent);
    }

    [Fact]
    public async Task Timeline_reads_as_sentences_with_readable_statuses_and_reasons()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.Status == DealStatus.Declined));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var page = await client.GetPageAsync($"/deals/{id}");

        var entries = page.QuerySelectorAll(".timeline-entry").Select(e => e.TextContent).ToList();
        Assert.Contains(entries, e => e.Contains("Rita Moreno declined the referral (New → Declined).", StringComparison.Ordinal) && e.Contains("Reason: Requirement not met", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("Nadia Costa created the referral as New: shared with the vendor (co-sell).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sales_user_adds_a_note_that_appears_in_the_thread()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.Status == DealStatus.Won));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync($"/deals/{id}", $"/deals/{id}/notes", new Dictionary<string, string> { ["NoteInput.Text"] = "Customer asked for a follow-up call." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/deals/{id}");
        Assert.Contains("Customer asked for a follow-up call.", page.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_note_is_shown_again_with_a_field_message()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.Status == DealStatus.Active));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync($"/deals/{id}", $"/deals/{id}/notes", new Dictionary<string, string> { ["NoteInput.Text"] = "   " });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Write the note.", page.QuerySelector("[data-valmsg-for='NoteInput.Text']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Too_long_note_is_shown_again_with_the_entered_text()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.Status == DealStatus.Active));
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        var text = new string('x', DealNote.MaxLength + 1);

        var response = await client.PostFormAsync($"/deals/{id}", $"/deals/{id}/notes", new Dictionary<string, string> { ["NoteInput.Text"] = text });

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("at most 2000", page.QuerySelector("[data-valmsg-for='NoteInput.Text']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, page.QuerySelector("textarea")!.TextContent.Trim());
    }

    [Fact]
    public async Task Vendor_internal_note_is_hidden_from_the_partner()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q.Where(d => d.DealType == DealType.CoSell && d.Status == DealStatus.Active));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);
        await reviewer.PostFormAsync($"/deals/{id}", $"/deals/{id}/notes", new Dictionary<string, string>
        {
            ["NoteInput.Text"] = "Internal: check the partner's pipeline.",
            ["NoteInput.VendorInternal"] = "true",
        });
        using var partner = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var vendorView = await reviewer.GetPageAsync($"/deals/{id}");
        var partnerView = await partner.GetPageAsync($"/deals/{id}");

        Assert.Contains("Internal: check the partner's pipeline.", vendorView.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check", partnerView.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_on_another_partners_deal_is_not_found_and_not_stored()
    {
        var id = await DealAsync(DemoAccounts.AdventureWorks, q => q);
        var own = await DealAsync(DemoAccounts.Northwind, q => q);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);

        var response = await client.PostFormAsync($"/deals/{own}", $"/deals/{id}/notes", new Dictionary<string, string> { ["NoteInput.Text"] = "Sneaky" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = WorkspaceTestData.Db(factory);
        Assert.False(await db.DealNotes.AnyAsync(n => n.Text == "Sneaky"));
    }

    [Fact]
    public async Task Partner_never_sees_the_keep_internal_option()
    {
        var id = await DealAsync(DemoAccounts.Northwind, q => q);
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await client.GetPageAsync($"/deals/{id}");

        Assert.Null(page.QuerySelector("input[name='NoteInput.VendorInternal']"));
        Assert.NotNull(page.QuerySelector("textarea[name='NoteInput.Text']"));
    }

    [Fact]
    public async Task Deal_page_shows_the_favourite_toggle_in_its_current_state()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindSales);
        await using var db = WorkspaceTestData.Db(factory);
        var sales = await new DealBuilder(factory).ActorAsync(DemoAccounts.NorthwindSales);
        var starred = await db.DealFavourites.Where(f => f.UserId == sales.UserId).Select(f => f.DealId).FirstAsync();

        var page = await client.GetPageAsync($"/deals/{starred}");

        Assert.Equal("Remove from favorites", page.QuerySelector("form.favourite-form button")!.GetAttribute("aria-label"));
    }
}
