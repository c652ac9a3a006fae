using System.Diagnostics;
using System.Globalization;

namespace ReferralPortal.LoadDriver;

internal static class Scenarios
{
    /// <summary>Signs in through the real form and prints the session's Cookie header (for curl or wrk).</summary>
    public static async Task<int> SignInAsync(Uri baseUrl, string email)
    {
        using var session = new PortalSession(baseUrl);
        await session.LoginAsync(email);
        Console.WriteLine(session.CookieHeader);
        return 0;
    }

    /// <summary>Signs in and finds realistic parameters for the measured URLs.</summary>
    public static async Task<int> PrepareAsync(Uri baseUrl, string email)
    {
        using var session = new PortalSession(baseUrl);
        await session.LoginAsync(email);
        var page = await session.GetPageAsync("/referrals/outbound");
        var dealLink = page.QuerySelectorAll("a[href^='/deals/']").Select(a => a.GetAttribute("href")!).FirstOrDefault(h => int.TryParse(h["/deals/".Length..], out _))
            ?? throw new InvalidOperationException("No deal link on the Outbound tab.");
        Console.WriteLine($"COOKIE='{session.CookieHeader}'");
        Console.WriteLine($"DEAL_ID={dealLink["/deals/".Length..]}");
        Console.WriteLine("FILTER_QUERY='country=PT&status=Active'");
        // A term that matches the benchmark user's Outbound deals at both sizes, in about the same share (see run.sh).
        Console.WriteLine("SEARCH_QUERY='q=Summit%20Retail'");
        Console.WriteLine("EXPORT_QUERY='pageSize=25'");
        return 0;
    }

    /// <summary>Signs in, starts a New deal draft and prints the session's cookie and the draft's path (for pages.sh).</summary>
    public static async Task<int> DraftAsync(Uri baseUrl, string email)
    {
        using var session = new PortalSession(baseUrl);
        await session.LoginAsync(email);
        var draft = await WizardSequence.DraftAsync(session);
        Console.WriteLine($"COOKIE='{session.CookieHeader}'");
        Console.WriteLine($"DRAFT='{draft}'");
        return 0;
    }

    /// <summary>Runs the New deal wizard end to end, sequentially, and reports sequence latencies.</summary>
    public static async Task<int> WizardAsync(Uri baseUrl, string email, int count)
    {
        using var session = new PortalSession(baseUrl);
        await session.LoginAsync(email);
        var latencies = new List<double>();
        var failures = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await WizardSequence.RunAsync(session, i);
            }
            catch (InvalidOperationException)
            {
                failures++;
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rps {count / total.Elapsed.TotalSeconds:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {latencies[latencies.Count / 2]:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p99 {latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))]:F1}"));
        Console.WriteLine($"non2xx {failures}");
        return 0;
    }
}
