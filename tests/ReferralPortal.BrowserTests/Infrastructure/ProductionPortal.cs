using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ReferralPortal.BrowserTests.Infrastructure;

/// <summary>
/// The app on Kestrel in the Production environment on an empty database of its own: no demo seed, nobody can sign
/// in until the bootstrap command has invited a programme admin. Plain HTTP on loopback, so the Secure-cookie and
/// HTTPS-redirection settings are turned off as the README describes for loopback use.
/// </summary>
public sealed class ProductionPortal : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"rp-production-{Guid.NewGuid():N}.db");
    private WebApplicationFactory<Program>? factory;

    public string BaseUrl { get; private set; } = string.Empty;

    private string ConnectionString => $"Data Source={databasePath}";

    public ValueTask InitializeAsync()
    {
        if (!BrowserFixture.ChromiumAvailable)
        {
            return ValueTask.CompletedTask;
        }

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Referrals", ConnectionString);
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Hosting:HttpsRedirection", "false");
            b.UseSetting("Hosting:SecureCookies", "false");
            b.UseSetting("RateLimits:LoginPerMinute", "1000");
            b.UseSetting("Security:RequireTwoFactorForAdmins", "false");
            b.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            b.UseUrls("http://127.0.0.1:0");
        });
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs <c>dotnet ReferralPortal.Web.dll invite-programme-admin --email ADDRESS</c> on this portal's database and
    /// configuration (as an operator would next to the running app) and returns the one line it prints.
    /// </summary>
    public async Task<string> InviteProgrammeAdminAsync(string email)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repository = testOutput.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var project = Path.Combine(repository, "src", "ReferralPortal.Web");
        var dll = Path.Combine(project, "bin", testOutput.Parent.Name, testOutput.Name, "ReferralPortal.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "invite-programme-admin", "--email", email })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Referrals"] = ConnectionString;
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Security__RequireTwoFactorForAdmins"] = "false";
        info.Environment["Email__PortalUrl"] = BaseUrl;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"invite-programme-admin exited {process.ExitCode}: {await errors}");
        return (await output).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
