using System.Runtime.CompilerServices;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// Every test host (a PortalFactory per class, plus WithWebHostBuilder copies) would otherwise watch appsettings*.json
/// for changes, one inotify instance each; Linux allows 128 per user by default, and a full run (or two runs at once
/// on a shared machine) reached it, so hosts failed to start with "the configured user limit (128) on the number of
/// inotify instances has been reached". Tests never edit the files, so the hosts read them once.
/// </summary>
internal static class NoConfigurationWatchers
{
    [ModuleInitializer]
    internal static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
