using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;

namespace ReferralPortal.Web.Features.Account;

/// <summary>Registers sign-in security (issue 13): server-side sessions, security events, password policy, reset and second factor.</summary>
public static class SigninFeature
{
    public static IServiceCollection AddSigninFeature(this IServiceCollection services, IWebHostEnvironment env)
    {
        services.AddOptions<SigninOptions>().BindConfiguration(SigninOptions.Section)
            .PostConfigure(o => o.RequireTwoFactorForAdmins ??= !env.IsDevelopment());
        services.AddScoped<UserSessions>();
        services.AddScoped<SecurityEvents>();
        services.AddScoped<LoginThrottle>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            o.Filters.Add<TwoFactorRequirement>();
            o.Filters.Add<RefusalEvents>();
        });

        // One password policy for invitations, change and reset (Identity's composition validator goes).
        services.Replace(ServiceDescriptor.Scoped<IPasswordValidator<PortalUser>, PortalPasswordValidator>());

        // Authenticator codes and reset links on the app's clock; reset links valid 1 hour and used once.
        services.AddTransient<PortalAuthenticatorTokenProvider>();
        services.AddTransient<PortalResetTokenProvider>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SigninOptions>>((o, signin) =>
        {
            o.Tokens.ProviderMap[PortalAuthenticatorTokenProvider.Name] = new TokenProviderDescriptor(typeof(PortalAuthenticatorTokenProvider));
            o.Tokens.ProviderMap[PortalResetTokenProvider.Name] = new TokenProviderDescriptor(typeof(PortalResetTokenProvider));
            o.Tokens.AuthenticatorTokenProvider = PortalAuthenticatorTokenProvider.Name;
            o.Tokens.PasswordResetTokenProvider = PortalResetTokenProvider.Name;

            // Identity's per-account lockout is the high threshold against distributed guessing; the low one is
            // per account and client address (LoginThrottle), so nobody can lock the real user out from elsewhere.
            o.Lockout.MaxFailedAccessAttempts = signin.Value.AccountFailuresBeforeLockout;
        });

        // The cookie never outlives the session's absolute lifetime; the idle timeout is checked on the server.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SigninOptions>>((cookie, signin) =>
            {
                cookie.ExpireTimeSpan = signin.Value.Lifetime;
                cookie.SlidingExpiration = false;
            });
        return services;
    }
}
