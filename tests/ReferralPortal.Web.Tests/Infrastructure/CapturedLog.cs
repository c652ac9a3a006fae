using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace ReferralPortal.Web.Tests.Infrastructure;

/// <summary>
/// A sink the app's own Serilog set-up writes to: registered as an <see cref="ILogEventSink"/> service, which the app's
/// <c>ReadFrom.Services</c> adds beside its console sink, so every event the console gets, this gets too.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>The events written after the first <paramref name="skip"/> (take <see cref="Events"/>.Count before acting).</summary>
    public IReadOnlyList<LogEvent> Since(int skip) => [.. events.Skip(skip)];

    /// <summary>The event as a reader of the log sees it: message, property values and exception.</summary>
    public static string Text(LogEvent e) =>
        string.Join(" | ", [e.RenderMessage(CultureInfo.InvariantCulture), .. e.Properties.Values.Select(v => v.ToString()), e.Exception?.ToString() ?? string.Empty]);
}

/// <summary>The app on its test database with its log captured at Information (the Production default) in <see cref="Log"/>.</summary>
public sealed class LoggingPortalFactory : PortalFactory
{
    public CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
        builder.UseSetting("Jobs:ReviewWindow:Enabled", "false");
        builder.UseSetting("Email:OutboxEnabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Log));
    }
}
