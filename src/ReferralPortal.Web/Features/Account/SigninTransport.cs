using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// Transport and cookie settings of issue 13: forwarded headers trusted only from the configured proxies, HSTS of a
/// year with sub-domains, the anti-forgery and TempData cookies <c>__Host-</c> prefixed and Secure like the auth
/// cookie outside Development, and the data-protection key ring encrypted with a certificate when one is configured.
/// </summary>
public static class SigninTransport
{
    public static IServiceCollection AddSigninTransport(this IServiceCollection services, IConfiguration config, IWebHostEnvironment env)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the proxies named in configuration; not even loopback by default, so nobody can claim an address.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in config.GetSection("ForwardedHeaders:KnownIPNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // The same rule as the auth cookie (IdentitySetup): Secure and __Host- outside Development.
        if (!env.IsDevelopment() && config.GetValue("Hosting:SecureCookies", true))
        {
            services.PostConfigure<AntiforgeryOptions>(o =>
            {
                o.Cookie.Name = "__Host-rp.af";
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
            services.Configure<CookieTempDataProviderOptions>(o =>
            {
                o.Cookie.Name = "__Host-rp.tempdata";
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }

        // Keys at rest: encrypted with the certificate when one is configured (SECURITY.md).
        var certificatePath = config["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(certificatePath, config["DataProtection:CertificatePassword"]);
            services.AddDataProtection().ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return services;
    }

    /// <summary>First in the pipeline: the client address and scheme a trusted proxy reports, before HTTPS redirection, HSTS and the login limits read them.</summary>
    public static IApplicationBuilder UseSigninForwardedHeaders(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
