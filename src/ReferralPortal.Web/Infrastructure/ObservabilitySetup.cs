using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ReferralPortal.Web.Infrastructure;

public static class ObservabilitySetup
{
    /// <summary>Serilog from configuration: readable console locally, compact JSON in Production.</summary>
    /// <param name="logToStandardError">Every event to standard error (a command whose standard output is its result).</param>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder, bool logToStandardError = false)
    {
        LogEventLevel? toStandardError = logToStandardError ? LogEventLevel.Verbose : null;
        builder.Services.AddSerilog((services, log) =>
        {
            log.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.With<InvitationLinkRedaction>();
            if (builder.Environment.IsProduction())
            {
                log.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: toStandardError);
            }
            else
            {
                log.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture, standardErrorFromLevel: toStandardError);
            }
        }, preserveStaticLogger: true); // each host logs through its own logger, not the process-wide Log.Logger (several hosts share a test process)
        QuietUnreadableClientTokens(builder.Services);

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<ReferralsDbContext>("database", tags: ["ready"], customTestQuery: (db, ct) => db.Database.CanConnectAsync(ct));
        return builder;
    }

    // Wraps the logger factory AddSerilog registered (see UnreadableClientTokens for why).
    private static void QuietUnreadableClientTokens(IServiceCollection services)
    {
        services.AddSingleton<UnreadableClientTokens>();
        var serilog = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = serilog.ImplementationFactory ?? throw new InvalidOperationException("AddSerilog registers the logger factory as a factory.");
        services.Remove(serilog);
        services.AddSingleton<ILoggerFactory>(sp => new UnreadableClientTokens.FilteringLoggerFactory((ILoggerFactory)create(sp), sp.GetRequiredService<UnreadableClientTokens>()));
    }

    /// <summary>One line per request with the user and organisation ids; never bodies, tokens or contact details.</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The middleware writes to the static Log.Logger unless given one; with preserveStaticLogger that logger
            // is never configured and every request line would vanish silently. Use this host's own logger.
            o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                var actor = PortalClaims.ToActor(http.User);
                diagnostics.Set("UserId", actor?.UserId);
                diagnostics.Set("OrganisationId", actor?.OrganisationId);
                diagnostics.Set("RequestId", http.TraceIdentifier);
            };

            // A client that hung up mid-request is not a server error.
            o.GetLevel = (http, _, exception) =>
                http.RequestAborted.IsCancellationRequested ? LogEventLevel.Information
                : exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : LogEventLevel.Information;
        });

    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .AllowAnonymous();
    }
}
