using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using ReferralPortal.Data;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Culture;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Account;

/// <summary>
/// The Account page of every signed-in user: display name and language, Change password (other sessions end, this
/// one continues), Sign out everywhere, the authenticator app (set up, recovery codes, remove) and the last 20
/// security events. Everything acts on the signed-in user only: there is no id to forge.
/// </summary>
[Authorize]
[Route("account")]
public sealed class AccountSettingsController(
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    UserSessions sessions,
    SecurityEvents events,
    UserLanguage language,
    IOptions<SigninOptions> options) : Controller
{
    private const string Views = "~/Features/Account/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var user = await CurrentAsync();
        return user is null ? Challenge() : await PageAsync(user, null, null, ct);
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile([Bind(Prefix = "Profile")] ProfileInput input, [FromServices] IValidator<ProfileInput> validator, CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Profile");
        if (!ModelState.IsValid)
        {
            return await PageAsync(user, input, null, ct);
        }

        var culture = LocalizationSetup.Canonical(input.Language)!;
        user.DisplayName = input.DisplayName!.Trim();
        await users.UpdateAsync(user);
        await language.RememberAsync(user.Id, culture, ct);
        LocalizationSetup.WriteCultureCookie(Response, culture);
        await RenewThisSessionAsync(user);
        TempData["Flash"] = LocalizationSetup.InCulture(culture, () => SharedResource.Text("Your account details are saved."));
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "Password")] ChangePasswordInput input, [FromServices] IValidator<ChangePasswordInput> validator, CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Password");
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword!, input.NewPassword!);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword",
                    error.Code == "PasswordMismatch" ? SharedResource.Text("The current password is not correct.") : error.Description);
            }
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(user, null, new ChangePasswordInput(), ct);
        }

        // The new security stamp already refuses every other cookie; their session rows go too. This one carries on.
        await RenewThisSessionAsync(user, endOthers: true);
        await events.RecordAsync(user, AuditAction.PasswordChanged);
        TempData["Flash"] = SharedResource.Text("Your password is changed. Your other sessions are signed out.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sign-out-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllAsync(user.Id);
        await events.RecordAsync(user, AuditAction.SignedOutEverywhere);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    [AllowWithoutSecondFactor]
    [HttpGet("authenticator")]
    public async Task<IActionResult> Authenticator()
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            // A new key renews the security stamp: other sessions end, this one is signed in again.
            await users.ResetAuthenticatorKeyAsync(user);
            await RenewThisSessionAsync(user);
        }

        return await SetupPageAsync(user, new CodeInput());
    }

    [AllowWithoutSecondFactor]
    [HttpPost("authenticator")]
    public async Task<IActionResult> Authenticator([Bind(Prefix = "Input")] CodeInput input, [FromServices] IValidator<CodeInput> validator, CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, input.Code!))
        {
            ModelState.AddModelError("Input.Code", SharedResource.Text("The authentication code is not correct. Enter the current code from your app."));
        }

        if (!ModelState.IsValid)
        {
            return await SetupPageAsync(user, new CodeInput());
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await events.RecordAsync(user, AuditAction.TwoFactorEnabled);
        await RenewThisSessionAsync(user, endOthers: false);
        return View(Views + "RecoveryCodes.cshtml", new RecoveryCodesPage([.. codes]));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return user is null ? Challenge() : RedirectToAction(nameof(Index));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await events.RecordAsync(user, AuditAction.RecoveryCodesRenewed);
        return View(Views + "RecoveryCodes.cshtml", new RecoveryCodesPage([.. codes]));
    }

    [HttpPost("authenticator/disable")]
    public async Task<IActionResult> DisableAuthenticator([Bind(Prefix = "Disable")] PasswordConfirmInput input, [FromServices] IValidator<PasswordConfirmInput> validator, CancellationToken ct)
    {
        var user = await CurrentAsync();
        if (user is null)
        {
            return Challenge();
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Disable");
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, input.Password!))
        {
            ModelState.AddModelError("Disable.Password", SharedResource.Text("The password is not correct."));
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(user, null, null, ct);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await events.RecordAsync(user, AuditAction.TwoFactorDisabled);
        await RenewThisSessionAsync(user, endOthers: false);
        TempData["Flash"] = SharedResource.Text("The authenticator app is removed from your account.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<PortalUser?> CurrentAsync() => await users.GetUserAsync(User);

    /// <summary>Signs this browser in again (new stamp, new claims) in a new session; the old row goes, and with endOthers every other one.</summary>
    private async Task RenewThisSessionAsync(PortalUser user, bool endOthers = false)
    {
        if (endOthers)
        {
            await sessions.EndAllAsync(user.Id);
        }
        else
        {
            await sessions.EndAsync(UserSessions.IdOf(User));
        }

        await signIn.RefreshSignInAsync(user);
    }

    private async Task<IActionResult> PageAsync(PortalUser user, ProfileInput? profile, ChangePasswordInput? password, CancellationToken ct)
    {
        var page = new AccountPage(
            user.Email ?? string.Empty,
            user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
            await events.RecentOfAsync(user.Id, ct),
            profile ?? new ProfileInput { DisplayName = user.DisplayName, Language = LocalizationSetup.Canonical(user.PreferredCulture) ?? CultureInfo.CurrentUICulture.Name },
            password ?? new ChangePasswordInput(),
            new PasswordConfirmInput());
        return View(Views + "Index.cshtml", page);
    }

    private async Task<IActionResult> SetupPageAsync(PortalUser user, CodeInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("ReferralPortal")}:{Uri.EscapeDataString(user.Email ?? user.Id)}?secret={key}&issuer={Uri.EscapeDataString("ReferralPortal")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        var grouped = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var required = options.Value.RequireTwoFactorForAdmins == true && TwoFactorRequirement.IsAdmin(user.Role) && !user.TwoFactorEnabled;
        return View(Views + "Authenticator.cshtml", new AuthenticatorSetupPage(grouped, "data:image/png;base64," + Convert.ToBase64String(png), required, input));
    }
}
