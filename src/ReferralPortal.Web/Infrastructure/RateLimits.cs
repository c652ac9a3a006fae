using System.Threading.RateLimiting;

namespace ReferralPortal.Web.Infrastructure;

public static class RateLimits
{
    public const string Login = "login";

    /// <summary>Login POSTs per client address: 10 a minute, answered with 429 and the friendly page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("RateLimits:LoginPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Login, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
