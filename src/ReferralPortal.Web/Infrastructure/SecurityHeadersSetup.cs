using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReferralPortal.Web.Infrastructure;

/// <summary>
/// The response headers that protect every page, in one place: the policy is registered here and the middleware
/// applies it. HSTS is sent with HTTPS redirection outside Development (<see cref="UsePortalSecurityHeaders"/>).
/// </summary>
public static class SecurityHeadersSetup
{
    /// <summary>CSP without inline script or style, nosniff, referrer policy, no framing, no server banner.</summary>
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services)
    {
        // NetEscapades removes a Server header set by the app; Kestrel writes its own unless told not to.
        services.Configure<KestrelServerOptions>(k => k.AddServerHeader = false);
        services.AddSecurityHeaderPolicies(policies => policies.SetDefaultPolicy(headers => headers
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();

                // No page sets a <base>; an injected one could redirect every relative URL.
                csp.AddBaseUri().None();
                csp.AddObjectSrc().None();
            })
            .RemoveServerHeader()));
        return services;
    }

    /// <summary>Applies the registered policy to every response, and HSTS where HTTPS is enforced.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Hosting:HttpsRedirection", true))
        {
            app.UseHsts();
        }

        return app.UseSecurityHeaders();
    }
}
