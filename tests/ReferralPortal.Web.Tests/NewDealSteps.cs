using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Web.Tests.Infrastructure;

namespace ReferralPortal.Web.Tests;

/// <summary>Walks the New deal wizard through real pages and forms, one step at a time.</summary>
public static partial class NewDealSteps
{
    public const string LisboaCustomer = "Lisboa Logística SA";

    /// <summary>Step 1: searches Portugal for the demo customer and selects it; returns the draft's base URL.</summary>
    public static async Task<string> SelectCustomerAsync(PortalClient client, string search = "Lisboa", string country = "PT")
    {
        var page = await client.GetPageAsync($"/deals/new?country={country}&name={Uri.EscapeDataString(search)}");
        var customerId = page.QuerySelector("form[action='/deals/new/customer/select'] input[name=customerId]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No search result to select.");
        var response = await client.PostWithTokenAsync(page, "/deals/new/customer/select", new Dictionary<string, string>
        {
            ["customerId"] = customerId,
            ["country"] = country,
        });
        return DraftBase(response, "contact");
    }

    /// <summary>Step 1 by hand: adds a Portuguese logistics company of the given name (or finds its twin).</summary>
    public static Task<HttpResponseMessage> AddManualCustomerAsync(PortalClient client, string name) =>
        client.PostFormAsync("/deals/new?manual=true", "/deals/new/customer/manual", new Dictionary<string, string>
        {
            ["Manual.Name"] = name,
            ["Manual.Country"] = "PT",
            ["Manual.AddressLine"] = "Rua Nova 1",
            ["Manual.City"] = "Lisboa",
            ["Manual.PostalCode"] = "1000-001",
            ["Manual.Industry"] = "Logistics",
            ["Manual.Size"] = "Large",
        });

    public static async Task SkipContactAsync(PortalClient client, string draft)
    {
        var response = await client.PostFormAsync($"{draft}/contact", $"{draft}/contact", [new("skip", "true")]);
        Assert.Equal($"{draft}/details", response.Headers.Location?.OriginalString);
    }

    public static async Task<HttpResponseMessage> PostDetailsAsync(PortalClient client, string draft, IEnumerable<int> solutionIds, DateOnly closeDate, string name = "Retail analytics rollout", string value = "125000.50")
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name),
            new("Input.Value", value),
            new("Input.Currency", "EUR"),
            new("Input.LocationCountry", "PT"),
            new("Input.EstimatedCloseDate", closeDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.Notes", "Met at the partner summit."),
        };
        fields.AddRange(solutionIds.Select(id => new KeyValuePair<string, string>("Input.SolutionIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return await client.PostFormAsync($"{draft}/details", $"{draft}/details", fields);
    }

    public static async Task<HttpResponseMessage> CreateAsync(PortalClient client, string draft, bool share, params string[] help)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Input.Share", share ? "true" : "false") };
        fields.AddRange(help.Select(h => new KeyValuePair<string, string>("Input.Help", h)));
        return await client.PostFormAsync($"{draft}/sharing", $"{draft}/create", fields);
    }

    /// <summary>Steps 1–3 with the demo customer, no contact and the given solutions; returns the draft's base URL.</summary>
    public static async Task<string> ReadyToShareAsync(PortalClient client, PortalFactory factory, params string[] solutionNames)
    {
        var draft = await SelectCustomerAsync(client);
        await SkipContactAsync(client, draft);
        var ids = await SolutionIdsAsync(factory, solutionNames);
        var response = await PostDetailsAsync(client, draft, ids, Today(factory).AddDays(60));
        Assert.Equal($"{draft}/sharing", response.Headers.Location?.OriginalString);
        return draft;
    }

    public static async Task<List<int>> SolutionIdsAsync(PortalFactory factory, params string[] names)
    {
        await using var db = factory.NewDbContext();
        return await db.Solutions.Where(s => names.Contains(s.Name)).Select(s => s.Id).ToListAsync();
    }

    public static async Task<int> OrganisationIdAsync(PortalFactory factory, string name)
    {
        await using var db = factory.NewDbContext();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    public static Guid DraftId(string draftBase) => Guid.Parse(draftBase[^36..]);

    public static DateOnly Today(PortalFactory factory) => DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);

    public static int DealIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = DealUrl().Match(response.Headers.Location?.OriginalString ?? string.Empty);
        Assert.True(match.Success, $"Expected a redirect to a deal, got {response.Headers.Location}.");
        return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string DraftBase(HttpResponseMessage response, string nextStep)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var match = DraftUrl().Match(location);
        Assert.True(match.Success && match.Groups[2].Value == nextStep, $"Expected a redirect to the {nextStep} step, got {location}.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"^/deals/(\d+)$")]
    private static partial Regex DealUrl();

    [GeneratedRegex(@"^(/deals/new/[0-9a-f-]{36})/(\w+)$")]
    private static partial Regex DraftUrl();
}
