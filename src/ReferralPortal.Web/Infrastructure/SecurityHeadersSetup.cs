namespace ReferralPortal.Web.Infrastructure;

public static class SecurityHeadersSetup
{
    public static IServiceCollection AddPortalSecurityHeaders(this IServiceCollection services) => services;

    /// <summary>CSP without inline script or style, nosniff, referrer policy, no framing.</summary>
    public static IApplicationBuilder UsePortalSecurityHeaders(this IApplicationBuilder app)
    {
        var policies = new HeaderPolicyCollection()
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
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            })
            .RemoveServerHeader();
        return app.UseSecurityHeaders(policies);
    }
}
