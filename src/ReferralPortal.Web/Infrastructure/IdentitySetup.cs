using Microsoft.AspNetCore.Identity;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Infrastructure;

public static class IdentitySetup
{
    public static IServiceCollection AddIdentityAndPolicies(this IServiceCollection services, IWebHostEnvironment env, IConfiguration config)
    {
        // Secure, __Host- prefixed cookies outside Development; Hosting:SecureCookies=false only for plain-HTTP loopback benchmarks.
        var secure = !env.IsDevelopment() && config.GetValue("Hosting:SecureCookies", true);
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // ASVS 5.0: length over composition rules.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<ReferralsDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = secure ? "__Host-rp.auth" : "rp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // Deactivation, suspension and role changes end sessions at their next request (not Identity's 30 minutes).
            o.Events.OnValidatePrincipal = AccessCheck.ValidatePrincipalAsync;
        });

        services.ConfigureOptions<SignInRedirects>();
        services.AddAuthorization(Policies.Configure);
        return services;
    }
}
