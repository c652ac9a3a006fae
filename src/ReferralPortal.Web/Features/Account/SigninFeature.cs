using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
