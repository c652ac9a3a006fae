using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ReferralPortal.Data.Seeding;
using ReferralPortal.Web.Tests.Infrastructure;
using ReferralPortal.Web.Tests.Lifecycle;
using static ReferralPortal.Web.Tests.NewDealSteps;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// The "There is a problem" summary at the top of a re-rendered form: announced (role=alert, focusable), one entry per
/// invalid field linking to that field, which in turn points at its own message; messages not about a field as text.
/// </summary>
public sealed class ErrorSummaryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invalid_details_step_lists_each_invalid_field_as_a_link_to_that_field()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);

        var page = await PostAsync(client, $"{draft}/details", $"{draft}/details", new Dictionary<string, string>
        {
            ["Input.Name"] = string.Empty,
            ["Input.Value"] = string.Empty,
            ["Input.Currency"] = "EUR",
            ["Input.LocationCountry"] = string.Empty,
            ["Input.EstimatedCloseDate"] = string.Empty,
            ["Input.Notes"] = string.Empty,
        });

        var summary = Summary(page);
        Assert.Equal("alert", summary.GetAttribute("role"));
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.False(summary.HasAttribute("hidden"));
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(
            ["#Input_Name", "#Input_Value", "#Input_LocationCountry", "#Input_EstimatedCloseDate", "#Input_SolutionIds"],
            summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Summary_link_of_a_check_box_group_goes_to_its_fieldset_which_points_at_the_message()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);

        var page = await PostAsync(client, $"{draft}/details", $"{draft}/details", [new("Input.Name", "Solutions missing")]);

        var group = page.GetElementById("Input_SolutionIds")!;
        Assert.Equal("fieldset", group.LocalName);
        Assert.NotNull(group.QuerySelector("input[type=checkbox][name='Input.SolutionIds']"));
        var link = Summary(page).QuerySelector("a[href='#Input_SolutionIds']")!;
        Assert.Equal(link.TextContent.Trim(), DescriptionOf(page, group));
    }

    [Fact]
    public async Task Sharing_step_without_a_choice_links_to_the_share_radio_group()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);
        var draft = await ReadyToShareAsync(client, factory, "Northwind Analytics Cloud");

        var page = await PostAsync(client, $"{draft}/sharing", $"{draft}/create", []);

        var link = Assert.Single(Summary(page).QuerySelectorAll("li a"));
        Assert.Equal("#Input_Share", link.GetAttribute("href"));
        Assert.Equal("fieldset", page.GetElementById("Input_Share")!.LocalName);
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Login_without_an_email_links_to_the_email_field()
    {
        using var client = factory.CreatePortalClient();

        var page = await PostAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = "x" });

        var link = Assert.Single(Summary(page).QuerySelectorAll("li a"));
        Assert.Equal(("#Email", "Enter your email."), (link.GetAttribute("href"), link.TextContent.Trim()));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_shows_the_message_as_text_and_drops_autofocus()
    {
        using var client = factory.CreatePortalClient();

        var page = await PostAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = DemoAccounts.NorthwindSales, ["Password"] = "not the password" });

        var item = Assert.Single(Summary(page).QuerySelectorAll("li"));
        Assert.Equal("The email or password is incorrect.", item.TextContent.Trim());
        Assert.Null(item.QuerySelector("a"));

        // The summary takes the focus (site.js); autofocus on the email field would fight it.
        Assert.False(page.QuerySelector("input#Email")!.HasAttribute("autofocus"));
    }

    [Fact]
    public async Task Valid_page_has_an_empty_hidden_summary_for_client_side_validation()
    {
        using var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login");

        var summary = Summary(page);
        Assert.True(summary.HasAttribute("hidden"));
        Assert.Empty(summary.QuerySelectorAll("li"));
        Assert.True(page.QuerySelector("input#Email")!.HasAttribute("autofocus"));
    }

    [Fact]
    public async Task Unknown_customer_on_the_customer_step_is_listed_as_text_because_no_field_holds_it()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(client, "/deals/new", "/deals/new/customer/select", [new("customerId", "999999")]);

        var item = Assert.Single(Summary(page).QuerySelectorAll("li"));
        Assert.Equal("Choose a customer from the search results.", item.TextContent.Trim());
        Assert.Null(item.QuerySelector("a"));
    }

    [Fact]
    public async Task Manual_customer_errors_link_to_the_manual_form_fields()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(client, "/deals/new?manual=true", "/deals/new/customer/manual", new Dictionary<string, string>
        {
            ["Manual.Name"] = "Lda",
            ["Manual.Country"] = "ZZ",
            ["Manual.AddressLine"] = "Rua Augusta 1",
            ["Manual.City"] = "Lisboa",
            ["Manual.PostalCode"] = "1100-048",
            ["Manual.Industry"] = "Retail",
            ["Manual.Size"] = "Small",
        });

        Assert.Equal(["#Manual_Country"], Summary(page).QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Solution_form_without_a_name_links_to_the_name_field()
    {
        using var client = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(client, "/solutions/new", "/solutions/new", new Dictionary<string, string> { ["Input.Name"] = " " });

        Assert.Equal(["#Input_Name"], Summary(page).QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Empty_inbound_referral_links_each_message_to_its_field_in_form_order()
    {
        using var reviewer = await factory.LoginAsync(DemoAccounts.Reviewer);

        // The action's parameter is called "input": ModelState keys then read "input.Name", the ids "Input_Name".
        var page = await PostAsync(reviewer, "/inbound/new", "/inbound/new", new Dictionary<string, string>
        {
            ["Input.PartnerId"] = string.Empty,
            ["Input.CustomerId"] = string.Empty,
            ["Input.Name"] = string.Empty,
            ["Input.Value"] = string.Empty,
            ["Input.Currency"] = string.Empty,
            ["Input.EstimatedCloseDate"] = string.Empty,
        });

        Assert.Equal(
            ["#Input_PartnerId", "#Input_CustomerId", "#Input_Name", "#Input_Value", "#Input_Currency", "#Input_EstimatedCloseDate"],
            Summary(page).QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Close_as_error_without_the_note_that_other_needs_links_to_the_note()
    {
        var id = await new LifecycleWorld(factory).PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(admin, $"/deals/{id}/close-as-error", $"/deals/{id}/close-as-error", [new("Input.Reason", "Other")]);

        Assert.Equal(["#Input_Note"], Summary(page).QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task An_unreadable_version_is_listed_as_text_because_its_field_is_hidden()
    {
        var id = await new LifecycleWorld(factory).PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(admin, $"/deals/{id}/close-as-error", $"/deals/{id}/close-as-error",
            [new("Input.Reason", "Other"), new("Input.Note", "Entered twice by mistake."), new("version", "not-a-number")]);

        var items = Summary(page).QuerySelectorAll("li").ToList();
        Assert.Contains(items, li => li.TextContent.Trim() == "Enter a valid value." && li.QuerySelector("a") is null);
        Assert.Empty(Summary(page).QuerySelectorAll("a[href='#Version']"));
    }

    [Fact]
    public async Task Empty_note_on_the_deal_page_links_to_the_note_box()
    {
        var id = await new LifecycleWorld(factory).PrivateActiveAsync();
        using var admin = await factory.LoginAsync(DemoAccounts.NorthwindAdmin);

        var page = await PostAsync(admin, $"/deals/{id}", $"/deals/{id}/notes", [new("NoteInput.Text", " ")]);

        Assert.Equal(["#NoteInput_Text"], Summary(page).QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));
        AssertEachLinkReachesItsInvalidField(page);
    }

    [Fact]
    public async Task Summary_heading_is_portuguese_in_the_portuguese_ui()
    {
        using var client = factory.CreatePortalClient();
        await client.SwitchLanguageAsync("pt-PT");

        var page = await PostAsync(client, "/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = string.Empty, ["Password"] = string.Empty });

        var summary = Summary(page);
        Assert.Equal("Existe um problema", summary.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal("Introduza o seu e-mail.", summary.QuerySelector("a[href='#Email']")!.TextContent.Trim());
    }

    private static async Task<IHtmlDocument> PostAsync(PortalClient client, string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await client.PostFormAsync(pageUrl, action, fields);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync(Ct));
    }

    private static IElement Summary(IHtmlDocument page) => Assert.Single(page.QuerySelectorAll("[data-error-summary]"));

    /// <summary>Each summary link targets an element on the page that is marked invalid (or is a group) and describes itself with the same message.</summary>
    private static void AssertEachLinkReachesItsInvalidField(IHtmlDocument page)
    {
        var links = Summary(page).QuerySelectorAll("li a").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var id = link.GetAttribute("href")![1..];
            var field = page.GetElementById(id);
            Assert.True(field is not null, $"The summary links to #{id}, which is not on the page.");
            Assert.True(field.LocalName == "fieldset" || field.GetAttribute("aria-invalid") == "true", $"#{id} is not marked invalid.");
            Assert.Equal(link.TextContent.Trim(), DescriptionOf(page, field));
        }
    }

    /// <summary>The text of the field's aria-describedby element that holds its error message.</summary>
    private static string? DescriptionOf(IHtmlDocument page, IElement field) =>
        (field.GetAttribute("aria-describedby") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(page.GetElementById)
            .Where(e => e is not null && e.Id!.EndsWith("-error", StringComparison.Ordinal))
            .Select(e => e!.TextContent.Trim())
            .SingleOrDefault();
}
