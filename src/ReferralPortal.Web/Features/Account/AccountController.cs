using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ReferralPortal.Data;
using ReferralPortal.Web.Features.Culture;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

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

/// <summary>Sign-in and sign-out. No self-registration: accounts come from the seed or an admin.</summary>
[Route("account")]
public sealed class AccountController(SignInManager<PortalUser> signIn, UserLanguage language, ILogger<AccountController> log) : Controller
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("login")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Login(LoginInput input, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        // The user is looked up once (as PasswordSignInAsync by name would) and kept for the language step.
        var user = await signIn.UserManager.FindByNameAsync(input.Email!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded && user is not null)
        {
            await language.AdoptAtSignInAsync(user.Id, HttpContext, ct);
            return LocalRedirect(LocalUrls.OrDefault(Url, input.ReturnUrl, Url.Home()));
        }

        // Security events name the account by its id, never by the e-mail address typed in.
        if (result.IsLockedOut)
        {
            log.LogWarning("Sign-in refused: account {UserId} locked out", user?.Id);
            ModelState.AddModelError(string.Empty, SharedResource.Text("This account is locked after too many failed attempts. Try again in 15 minutes."));
        }
        else
        {
            log.LogWarning("Sign-in failed: {Reason} {UserId}", user is null ? "unknown account" : "wrong password", user?.Id);
            ModelState.AddModelError(string.Empty, SharedResource.Text("The email or password is incorrect."));
        }

        input.Password = null;
        return View(input);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        log.LogInformation("Signed out {UserId}", PortalClaims.ToActor(User)?.UserId);
        return RedirectToAction(nameof(Login));
    }
}
