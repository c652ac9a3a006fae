using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using ReferralPortal.Data;
using ReferralPortal.Domain.Notifications;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Notifications;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Account;

public sealed class ForgotPasswordInput
{
    [Required(ErrorMessage = "Enter your email.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    [StringLength(254)]
    [Display(Name = "Email")]
    public string? Email { get; set; }
}

public sealed class ResetPasswordInput
{
    public string? User { get; set; }

    public string? Token { get; set; }

    [Display(Name = "New password")]
    public string? NewPassword { get; set; }
}

/// <summary>
/// Forgot your password? The answer is the same page whether or not the address has an account (no enumeration);
/// a known, active account gets an e-mail through the outbox, in its language, with a link valid 1 hour and usable
/// once. Setting the new password ends every session of the user and clears a lockout. Rate limited like the login.
/// </summary>
[AllowAnonymous]
[AllowWithoutSecondFactor]
[Route("account")]
public sealed class PasswordResetController(
    UserManager<PortalUser> users,
    ReferralsDbContext db,
    UserSessions sessions,
    SecurityEvents events,
    LoginThrottle throttle,
    TimeProvider clock,
    IOptions<EmailOptions> email) : Controller
{
    private const string Views = "~/Features/Account/";

    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(Views + "ForgotPassword.cshtml", new ForgotPasswordInput());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Forgot(ForgotPasswordInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(Views + "ForgotPassword.cshtml", input);
        }

        var user = await users.FindByEmailAsync(input.Email!);
        if (user is { IsActive: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var path = Url.Action(nameof(Reset), new { user = user.Id, token })!;
            var baseUrl = !string.IsNullOrWhiteSpace(email.Value.PortalUrl) ? email.Value.PortalUrl.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
            db.EmailOutbox.Add(Email(user, baseUrl + path));
            await events.RecordAsync(user, AuditAction.PasswordResetRequested);
        }
        else
        {
            events.LogOnly(AuditAction.PasswordResetRequested, user?.Id, user?.OrganisationId, "no active account");
        }

        return View(Views + "ForgotPasswordSent.cshtml");
    }

    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? user, string? token)
    {
        var account = await ValidAsync(user, token);
        return account is null
            ? LinkUnusable()
            : View(Views + "ResetPassword.cshtml", new ResetPasswordInput { User = user, Token = token });
    }

    [HttpPost("reset-password")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Reset(ResetPasswordInput input)
    {
        var account = await ValidAsync(input.User, input.Token);
        if (account is null)
        {
            return LinkUnusable();
        }

        var result = string.IsNullOrEmpty(input.NewPassword)
            ? IdentityResult.Failed(new IdentityError { Code = "Required", Description = SharedResource.Text("Choose a password.") })
            : await users.ResetPasswordAsync(account, input.Token!, input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(input.NewPassword), error.Description);
            }

            input.NewPassword = null;
            return View(Views + "ResetPassword.cshtml", input);
        }

        // The reset renewed the security stamp (the link is used up); every session ends and a lockout is lifted.
        await sessions.EndAllAsync(account.Id);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        await throttle.SucceededAsync(account.Email ?? string.Empty, HttpContext.Connection.RemoteIpAddress?.ToString());
        await events.RecordAsync(account, AuditAction.PasswordReset);
        TempData["Flash"] = SharedResource.Text("Your password is set. Log in with the new password.");
        return RedirectToAction(nameof(AccountController.Login), "Account");
    }

    private async Task<PortalUser?> ValidAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || userId.Length > 450 || token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        return user is { IsActive: true }
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<PortalUser>.ResetPasswordTokenPurpose, token)
            ? user
            : null;
    }

    private ViewResult LinkUnusable()
    {
        var view = View(Views + "ResetLinkUnusable.cshtml");
        view.StatusCode = StatusCodes.Status410Gone;
        return view;
    }

    private EmailMessage Email(PortalUser user, string link) =>
        LocalizationSetup.InCulture(LocalizationSetup.Canonical(user.PreferredCulture) ?? LocalizationSetup.DefaultCulture, () =>
        {
            var subject = SharedResource.Text("Reset your ReferralPortal password");
            var body = SharedResource.Text("Hello,") + "\n\n"
                + SharedResource.Text("Someone asked to reset the password of your ReferralPortal account. Choose a new password here: {0}", link) + "\n\n"
                + SharedResource.Text("The link works once and for 1 hour. If you did not ask for it, ignore this e-mail: your password stays as it is.") + "\n\n— ReferralPortal";
            return new EmailMessage(user.Email!, subject, body, clock.GetUtcNow().UtcDateTime);
        });
}
