using System.Net;
using System.Text.Json;
using ReferralPortal.Web.Tests.Localisation;
using ReferralPortal.Web.Tests.Security;

namespace ReferralPortal.Web.Tests;

/// <summary>
/// The README's way to choose the port works against the launch profile: `dotnet run` sets the profile's
/// ASPNETCORE_URLS, and the `--urls` argument the README documents wins over it.
/// </summary>
public sealed class LocalRunTests
{
    private const string Documented = "dotnet run --project src/ReferralPortal.Web -- --urls http://127.0.0.1:5080";

    [Fact]
    public async Task Urls_argument_from_the_readme_wins_over_the_launch_profiles_address()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(SourceTree.Root, "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains(Documented, readme, StringComparison.Ordinal);
        var profileUrl = await LaunchProfileUrlAsync();
        var folder = Directory.CreateTempSubdirectory("rp-run-").FullName;
        try
        {
            // As `dotnet run` starts it: the profile's ASPNETCORE_URLS in the environment, then the argument (AppProcess passes --urls).
            await using var app = await TwoInstances.AppProcess.StartAsync($"Data Source={Path.Combine(folder, "referrals.db")}", TimeSpan.FromSeconds(90), new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = profileUrl,

                // The README's command runs on the embedded SQLite default, whichever server the other tests use.
                ["Database__Provider"] = "Sqlite",
            });

            using var http = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(app.BaseUrl + "/health/live", TestContext.Current.CancellationToken)).StatusCode);
            Assert.NotEqual(new Uri(profileUrl).Port, new Uri(app.BaseUrl).Port);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> LaunchProfileUrlAsync()
    {
        var path = Path.Combine(SourceTree.Root, "src", "ReferralPortal.Web", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("applicationUrl").GetString()!;
    }
}
