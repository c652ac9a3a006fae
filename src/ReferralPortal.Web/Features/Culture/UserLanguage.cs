using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Culture;

/// <summary>
/// The user's language beyond one browser: stored on the user when a signed-in user switches, so e-mails are
/// written in it and signing in elsewhere brings it along. The culture cookie stays what each request reads.
/// </summary>
public sealed class UserLanguage(ReferralsDbContext db)
{
    /// <summary>Stores a supported language as the user's choice; anything else is ignored.</summary>
    public async Task RememberAsync(string userId, string? culture, CancellationToken ct)
    {
        if (LocalizationSetup.Canonical(culture) is not { } chosen)
        {
            return;
        }

        await db.Users.Where(u => u.Id == userId && u.PreferredCulture != chosen)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, chosen), ct);
    }

    /// <summary>
    /// At sign-in the stored choice wins and is written to this browser's culture cookie; a user with no stored
    /// choice yet keeps the language picked in this browser (the cookie), which becomes the stored choice.
    /// </summary>
    public async Task AdoptAtSignInAsync(string userId, HttpContext http, CancellationToken ct)
    {
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        if (LocalizationSetup.Canonical(stored) is { } culture)
        {
            LocalizationSetup.WriteCultureCookie(http.Response, culture);
        }
        else
        {
            await RememberAsync(userId, LocalizationSetup.ReadCultureCookie(http.Request), ct);
        }
    }
}
