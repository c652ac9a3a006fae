using System.Net;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Domain.Deals;
using ReferralPortal.Web.Tests.Infrastructure;
using static ReferralPortal.Web.Tests.NewDealSteps;

namespace ReferralPortal.Web.Tests;

public sealed class NewDealWizardTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Analytics = "Northwind Analytics Cloud";
    private const string FieldService = "Northwind Field Service";

    [Fact]
    public async Task Shared_deal_is_created_as_new_co_sell_with_a_14_day_review_and_registration_not_registered()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);

        var id = DealIdFrom(await CreateAsync(client, draft, share: true, "ProofOfConceptOrDemo"));

        await using var db = factory.NewDbContext();
        var deal = await db.Deals.Include(d => d.Activities).SingleAsync(d => d.Id == id);
        Assert.Equal((DealType.CoSell, DealStatus.New, RegistrationStatus.NotRegistered), (deal.DealType, deal.Status, deal.RegistrationStatus));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime.AddDays(14), deal.ReviewDueAt);
        Assert.Equal(HelpWanted.ProofOfConceptOrDemo, deal.HelpWanted);
        Assert.Equal(ActivityKind.Created, Assert.Single(deal.Activities).Kind);
    }

    [Fact]
    public async Task Shared_deal_notifies_the_vendor_reviewers_and_not_its_creator()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);

        var id = DealIdFrom(await CreateAsync(client, draft, share: true));

        await using var db = factory.NewDbContext();
        var recipients = await db.Notifications.Where(n => n.DealId == id)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email!).OrderBy(e => e).ToListAsync();
        Assert.Equal([DemoAccounts.ProgrammeAdmin, DemoAccounts.Reviewer], recipients);
    }

    [Fact]
    public async Task Shared_deal_without_registration_eligible_solution_is_not_eligible()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, FieldService);

        var id = DealIdFrom(await CreateAsync(client, draft, share: true));

        await using var db = factory.NewDbContext();
        Assert.Equal(RegistrationStatus.NotEligible, await db.Deals.Where(d => d.Id == id).Select(d => d.RegistrationStatus).SingleAsync());
    }

    [Fact]
    public async Task Private_deal_is_created_active_without_review_and_not_eligible()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);

        var id = DealIdFrom(await CreateAsync(client, draft, share: false));

        await using var db = factory.NewDbContext();
        var deal = await db.Deals.SingleAsync(d => d.Id == id);
        Assert.Equal((DealType.Private, DealStatus.Active, RegistrationStatus.NotEligible, (DateTime?)null), (deal.DealType, deal.Status, deal.RegistrationStatus, deal.ReviewDueAt));
    }

    [Fact]
    public async Task Created_deal_page_shows_the_confirmation()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);
        var id = DealIdFrom(await CreateAsync(client, draft, share: false));

        var page = await client.GetPageAsync($"/deals/{id}");

        Assert.Contains($"Private deal {Deal.FormatReferralId(id)} created", page.QuerySelector(".alert-success")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_deal_is_invisible_to_the_vendor_reviewer()
    {
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(admin, factory, Analytics);
        var id = DealIdFrom(await CreateAsync(admin, draft, share: false));
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        var response = await reviewer.GetAsync($"/deals/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Submitting_the_same_draft_twice_creates_one_deal_and_both_land_on_it()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);
        var sharingPage = await client.GetPageAsync($"{draft}/sharing");
        KeyValuePair<string, string>[] fields = [new("Input.Share", "true")];

        var first = DealIdFrom(await client.PostWithTokenAsync(sharingPage, $"{draft}/create", fields));
        var second = DealIdFrom(await client.PostWithTokenAsync(sharingPage, $"{draft}/create", fields));

        Assert.Equal(first, second);
        await using var db = factory.NewDbContext();
        var draftId = DraftId(draft);
        Assert.Equal(first, await db.DealDrafts.Where(d => d.Id == draftId).Select(d => d.CreatedDealId).SingleAsync());
    }

    [Fact]
    public async Task Concurrent_submits_of_the_same_draft_create_one_deal()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);
        var sharingPage = await client.GetPageAsync($"{draft}/sharing");
        KeyValuePair<string, string>[] fields = [new("Input.Share", "true")];
        var before = await CountDealsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostWithTokenAsync(sharingPage, $"{draft}/create", fields)));

        Assert.Single(responses.Select(DealIdFrom).Distinct());
        Assert.Equal(before + 1, await CountDealsAsync());
    }

    [Fact]
    public async Task Another_partners_solution_is_refused_with_a_field_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);
        var foreign = await SolutionIdsAsync(factory, "Adventure Works Commerce Suite");

        var response = await PostDetailsAsync(client, draft, foreign, Today(factory).AddDays(30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose only your organisation's published solutions.", page.QuerySelector("[data-valmsg-for='Input.SolutionIds']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Own_draft_solution_is_refused_with_a_field_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);
        var unpublished = await SolutionIdsAsync(factory, "Northwind Edge Gateway");

        var response = await PostDetailsAsync(client, draft, unpublished, Today(factory).AddDays(30));

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose only your organisation's published solutions.", page.QuerySelector("[data-valmsg-for='Input.SolutionIds']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Rejected_details_step_re_renders_with_the_entered_values()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);
        var ids = await SolutionIdsAsync(factory, Analytics);

        var response = await PostDetailsAsync(client, draft, ids, Today(factory).AddDays(-1), name: "Kept name");

        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Kept name", page.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
        Assert.Equal("Estimated close date must be today or later.", page.QuerySelector("[data-valmsg-for='Input.EstimatedCloseDate']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Another_users_draft_id_is_not_found()
    {
        using var northwind = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(northwind);
        using var adventure = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);

        var response = await adventure.GetAsync($"{draft}/contact");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Posting_to_another_users_draft_is_not_found_and_changes_nothing()
    {
        using var northwind = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(northwind, factory, Analytics);
        using var adventure = await factory.LoginAsync(DemoAccounts.AdventureWorksAdmin);
        var page = await adventure.GetPageAsync("/referrals/outbound");

        var response = await adventure.PostWithTokenAsync(page, $"{draft}/create", [new("Input.Share", "true")]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = factory.NewDbContext();
        var draftId = DraftId(draft);
        Assert.Null(await db.DealDrafts.Where(d => d.Id == draftId).Select(d => d.CreatedDealId).SingleAsync());
    }

    [Fact]
    public async Task Draft_resumes_with_saved_values_after_signing_in_again()
    {
        using (var first = await factory.LoginAsync(DemoAccounts.NorthwindAdmin))
        {
            var created = await SelectCustomerAsync(first);
            await SkipContactAsync(first, created);
            await PostDetailsAsync(first, created, await SolutionIdsAsync(factory, Analytics), Today(factory).AddDays(45), name: "Resumable deal");
        }

        using var second = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var outbound = await second.GetPageAsync("/referrals/outbound");
        var resume = outbound.QuerySelectorAll("a").First(a => a.GetAttribute("aria-label") == $"Resume Resumable deal – {LisboaCustomer}");
        var details = await second.GetPageAsync(resume.GetAttribute("href")!.Replace("/sharing", "/details", StringComparison.Ordinal));

        Assert.Equal("Resumable deal", details.QuerySelector("input[name='Input.Name']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Discarded_draft_leaves_the_drafts_list()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);

        var response = await client.PostFormAsync("/referrals/outbound", $"{draft}/discard", []);

        Assert.Equal("/referrals/outbound", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{draft}/contact")).StatusCode);
    }

    [Fact]
    public async Task Manual_customer_matching_an_existing_one_reuses_it()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        await using var db = factory.NewDbContext();
        var existing = await db.Customers.SingleAsync(c => c.Name == LisboaCustomer);
        var before = await db.Customers.CountAsync();

        var response = await AddManualCustomerAsync(client, "  lisboa   LOGÍSTICA sa ");

        var draftId = DraftId(DraftBase(response, "contact"));
        Assert.Equal(before, await db.Customers.CountAsync());
        Assert.Contains($"\"customerId\":{existing.Id},", await db.DealDrafts.Where(d => d.Id == draftId).Select(d => d.Payload).SingleAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_manual_customer_is_added_to_the_directory_marked_as_manual()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/deals/new?manual=true", "/deals/new/customer/manual", new Dictionary<string, string>
        {
            ["Manual.Name"] = "Évora Vinhos Lda",
            ["Manual.Country"] = "PT",
            ["Manual.AddressLine"] = "Praça do Giraldo 1",
            ["Manual.City"] = "Évora",
            ["Manual.PostalCode"] = "7000-508",
            ["Manual.Industry"] = "Food and beverage",
            ["Manual.Size"] = "Small",
        });

        DraftBase(response, "contact");
        await using var db = factory.NewDbContext();
        Assert.True(await db.Customers.AnyAsync(c => c.Name == "Évora Vinhos Lda" && c.Country == "PT" && c.AddedManually));
    }

    [Fact]
    public async Task Invalid_manual_customer_re_renders_with_field_messages()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/deals/new?manual=true", "/deals/new/customer/manual", new Dictionary<string, string>
        {
            ["Manual.Name"] = "X",
            ["Manual.Country"] = "ZZ",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Choose a country from the list.", page.QuerySelector("[data-valmsg-for='Manual.Country']")?.TextContent.Trim());
        Assert.Equal("X", page.QuerySelector("input[name='Manual.Name']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Selecting_a_customer_that_does_not_exist_shows_a_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var response = await client.PostFormAsync("/deals/new", "/deals/new/customer/select", new Dictionary<string, string> { ["customerId"] = "999999" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose a customer from the search results.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_step_defaults_the_location_to_the_customers_country()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client, "Madrid", country: "ES");
        await SkipContactAsync(client, draft);

        var page = await client.GetPageAsync($"{draft}/details");

        Assert.Equal("ES", page.QuerySelector("select[name='Input.LocationCountry'] option[selected]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Help_without_sharing_is_refused_with_a_field_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);

        var response = await CreateAsync(client, draft, share: false, "QuotesAndLicensing");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        // Issue 18, defect 11: the vendor is named as configured (Programme:VendorName), not "the vendor".
        Assert.Equal(
            "Asking Contoso Cloud for help means sharing the deal: choose Yes, or clear the help you asked for.",
            page.QuerySelector("[data-valmsg-for='Input.Share']")?.TextContent.Trim());
    }

    [Fact]
    public async Task Skipping_ahead_to_a_later_step_leads_back_to_the_first_open_step()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);

        var response = await client.GetAsync($"{draft}/sharing");

        Assert.Equal($"{draft}/contact", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Draft_with_an_unreadable_payload_restarts_at_the_customer_step()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, Analytics);
        var draftId = DraftId(draft);
        await using (var db = factory.NewDbContext())
        {
            await db.DealDrafts.Where(d => d.Id == draftId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Payload, "{not json"), TestContext.Current.CancellationToken);
        }

        var response = await client.GetAsync($"{draft}/sharing");

        Assert.Equal($"{draft}/customer", response.Headers.Location?.OriginalString);
    }

    private async Task<int> CountDealsAsync()
    {
        await using var db = factory.NewDbContext();
        return await db.Deals.CountAsync();
    }
}
