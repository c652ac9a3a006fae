using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Account;

/// <summary>Marks the few actions an admin without a second factor may still use (enrolment, sign-out).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowWithoutSecondFactorAttribute : Attribute;

/// <summary>
/// <c>Security:RequireTwoFactorForAdmins</c>: an admin (partner referral admin or programme admin) signed in
/// without an authenticator app is taken to Set up authenticator app and can do nothing else until enrolled.
/// The cookie carries whether the user had a second factor when signed in (<see cref="ClaimType"/>).
/// </summary>
public sealed class TwoFactorRequirement(IOptions<SigninOptions> options) : IAsyncAuthorizationFilter
{
    public const string ClaimType = "rp:2fa";

    public static bool IsAdmin(PortalRole role) => role is PortalRole.ReferralAdmin or PortalRole.ProgrammeAdmin;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var user = context.HttpContext.User;
        if (options.Value.RequireTwoFactorForAdmins == true
            && user.Identity?.IsAuthenticated == true
            && Enum.TryParse<PortalRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && IsAdmin(role)
            && user.FindFirstValue(ClaimType) is null
            && !context.ActionDescriptor.EndpointMetadata.OfType<AllowWithoutSecondFactorAttribute>().Any())
        {
            context.Result = new RedirectToActionResult(nameof(AccountSettingsController.Authenticator), "AccountSettings", null);
        }

        return Task.CompletedTask;
    }
}
