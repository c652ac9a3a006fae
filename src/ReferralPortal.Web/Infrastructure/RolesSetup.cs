using Microsoft.AspNetCore.Identity;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Infrastructure;

internal static class RolesSetup
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<PortalRole>())
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
