using System.Globalization;
using System.Net;

namespace ReferralPortal.LoadDriver;

/// <summary>One complete New deal wizard run through the real pages and forms: customer, skip contact, details, create.</summary>
internal static class WizardSequence
{
    /// <summary>Walks the wizard up to its last step (customer chosen, contact skipped, details entered) and returns the draft's path.</summary>
    public static async Task<string> DraftAsync(PortalSession session, int index = 0)
    {
        var search = await session.GetPageAsync("/deals/new?country=PT&name=Lisboa");
        var customerId = search.QuerySelector("form[action='/deals/new/customer/select'] input[name=customerId]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No customer to select.");
        var draft = DraftBase(await session.PostAsync(search, "/deals/new/customer/select", [new("customerId", customerId), new("country", "PT")]));
        var contact = await session.GetPageAsync($"{draft}/contact");
        Expect(await session.PostAsync(contact, $"{draft}/contact", [new("skip", "true")]), $"{draft}/details");
        await DetailsAsync(session, draft, index);
        return draft;
    }

    private static async Task DetailsAsync(PortalSession session, string draft, int index)
    {
        var details = await session.GetPageAsync($"{draft}/details");
        var solution = details.QuerySelector("input[name='Input.SolutionIds']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No solution to attach.");
        Expect(await session.PostAsync(details, $"{draft}/details",
        [
            new("Input.Name", $"Benchmark opportunity {index}"),
            new("Input.Value", "125000.50"),
            new("Input.Currency", "EUR"),
            new("Input.LocationCountry", "PT"),
            new("Input.EstimatedCloseDate", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("Input.Notes", "Created by the benchmark."),
            new("Input.SolutionIds", solution),
        ]), $"{draft}/sharing");
    }

    public static async Task RunAsync(PortalSession session, int index)
    {
        var draft = await DraftAsync(session, index);
        var sharing = await session.GetPageAsync($"{draft}/sharing");
        var created = await session.PostAsync(sharing, $"{draft}/create", [new("Input.Share", "true")]);
        var location = created.Headers.Location?.OriginalString ?? string.Empty;
        if (created.StatusCode != HttpStatusCode.Redirect || !location.StartsWith("/deals/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Create gave {(int)created.StatusCode} {location}");
        }

        using var deal = await session.Http.GetAsync(location);
        if (!deal.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Deal page gave {(int)deal.StatusCode}");
        }
    }

    private static string DraftBase(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        return response.StatusCode == HttpStatusCode.Redirect && location.EndsWith("/contact", StringComparison.Ordinal)
            ? location[..^"/contact".Length]
            : throw new InvalidOperationException($"Customer step gave {(int)response.StatusCode} {location}");
    }

    private static void Expect(HttpResponseMessage response, string location)
    {
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != location)
        {
            throw new InvalidOperationException($"Expected a redirect to {location}, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
