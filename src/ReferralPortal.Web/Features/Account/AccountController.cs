using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ReferralPortal.Data;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Culture;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ReferralPortal.Web.Features.Account;

public sealed class LoginInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200)]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of a sign-in with an authenticator app: an Authentication code, or a Recovery code instead.</summary>
public sealed class TwoFactorInput
{
    [StringLength(20)]
    [Display(Name = "Authentication code")]
    public string? Code { get; set; }

    [StringLength(40)]
    [Display(Name = "Recovery code")]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>Sign-in (password, then the second factor when enrolled) and sign-out. No self-registration: accounts come from the seed or an invitation.</summary>
[Route("account")]
[AllowWithoutSecondFactor]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserLanguage language,
    LoginThrottle throttle,
    SecurityEvents events,
    IPasswordHasher<PortalUser> hasher,
    ILogger<AccountController> log) : Controller
{
    private const string LockedMessage = "This account is locked after too many failed attempts. Try again in 15 minutes.";

    // An unknown address costs the same hashing as a known one (ASVS 6.3.8): no answer comes back faster.
    private static string? dummyHash;

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.IsBlockedAsync(input.Email!, address, ct))
        {
            events.LogOnly(AuditAction.SignInFailed, null, null, "throttled");
            return Refused(input, LockedMessage);
        }

        // The user is looked up once (as PasswordSignInAsync by name would) and kept for the language step.
        var user = await signIn.UserManager.FindByNameAsync(input.Email!);
        SignInResult result;
        if (user is null)
        {
            var dummy = new PortalUser();
            hasher.VerifyHashedPassword(dummy, dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString()), input.Password!);
            result = SignInResult.Failed;
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        }

        if (result.Succeeded && user is not null)
        {
            await throttle.SucceededAsync(input.Email!, address, ct);
            await events.RecordAsync(user, AuditAction.SignedIn);
            await language.AdoptAtSignInAsync(user.Id, HttpContext, ct);
            return LocalRedirect(LocalUrls.OrDefault(Url, input.ReturnUrl, Url.Home()));
        }

        if (result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(input.Email!, address, ct);
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = input.ReturnUrl });
        }

        // Security events name the account by its id, never by the e-mail address typed in.
        await throttle.FailedAsync(input.Email!, address, ct);
        if (result.IsLockedOut)
        {
            await events.RecordAsync(user!, AuditAction.LockedOut);
            return Refused(input, LockedMessage);
        }

        if (user is null)
        {
            events.LogOnly(AuditAction.SignInFailed, null, null, "unknown account");
        }
        else
        {
            await events.RecordAsync(user, AuditAction.SignInFailed, "wrong password");
        }

        return Refused(input, "The email or password is incorrect.");
    }

    [AllowAnonymous]
    [HttpGet("login/two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? RedirectToAction(nameof(Login))
            : View(new TwoFactorInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login/two-factor")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> TwoFactor(TwoFactorInput input, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        var recovery = input.RecoveryCode?.Replace(" ", string.Empty, StringComparison.Ordinal);
        var code = input.Code?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(recovery) && string.IsNullOrEmpty(code))
        {
            ModelState.AddModelError(nameof(input.Code), SharedResource.Text("Enter the authentication code from your app, or a recovery code."));
            return View(input);
        }

        var result = string.IsNullOrEmpty(recovery)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code!, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (result.Succeeded)
        {
            await events.RecordAsync(user, string.IsNullOrEmpty(recovery) ? AuditAction.TwoFactorUsed : AuditAction.RecoveryCodeUsed);
            await events.RecordAsync(user, AuditAction.SignedIn);
            await language.AdoptAtSignInAsync(user.Id, HttpContext, ct);
            return LocalRedirect(LocalUrls.OrDefault(Url, input.ReturnUrl, Url.Home()));
        }

        if (!result.IsLockedOut && !string.IsNullOrEmpty(recovery))
        {
            // Identity counts wrong authenticator codes towards lockout but not wrong recovery codes; the portal counts both.
            await signIn.UserManager.AccessFailedAsync(user);
        }

        await events.RecordAsync(user, AuditAction.TwoFactorFailed);
        input.Code = input.RecoveryCode = null;
        ModelState.AddModelError(string.Empty, SharedResource.Text(result.IsLockedOut || await signIn.UserManager.IsLockedOutAsync(user)
            ? LockedMessage
            : "The code is not correct. Enter the current code from your app, or an unused recovery code."));
        return View(input);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout([FromServices] UserSessions sessions)
    {
        // The session ends on the server: a copy of the cookie replayed later gets the login page (ASVS 7.4.1).
        await sessions.EndAsync(UserSessions.IdOf(User));
        await signIn.SignOutAsync();
        log.LogInformation("Signed out {UserId}", PortalClaims.ToActor(User)?.UserId);
        return RedirectToAction(nameof(Login));
    }

    private ViewResult Refused(LoginInput input, string message)
    {
        ModelState.AddModelError(string.Empty, SharedResource.Text(message));
        input.Password = null;
        return View(input);
    }
}
