using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using ReferralPortal.Data;
using ReferralPortal.Domain.Organisations;
using ReferralPortal.Domain.People;
using ReferralPortal.Web.Features.Team;
using ReferralPortal.Web.Infrastructure;
using ReferralPortal.Web.Resources;

namespace ReferralPortal.Web.Features.Invitations;

public sealed record AcceptPage(string Token, string OrganisationName, PortalRole Role, string Email, AcceptInput Input);

/// <summary>Why a link cannot be used; the page says so and nothing changes.</summary>
public sealed record UnavailablePage(string Title, string Message);

/// <summary>
/// The page an invitation link opens: it names the organisation and role, takes a display name and a password,
/// creates the account, uses the link up and signs the person in. Anyone holding the link may open it (it is the
/// credential); an unknown, expired, revoked or used link gets a page that says which, and changes nothing.
/// </summary>
[Route("invitations")]
[AllowAnonymous]
public sealed class InvitationsController(ReferralsDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AuditTrail audit, TimeProvider clock) : Controller
{
    [HttpGet("{token}")]
    public async Task<IActionResult> Accept(string token, CancellationToken ct)
    {
        var (invitation, organisation, unavailable) = await FindAsync(token, ct);
        return unavailable ?? View("Accept", new AcceptPage(token, organisation!.Name, invitation!.Role, invitation.Email, new AcceptInput()));
    }

    [HttpPost("{token}")]
    [EnableRateLimiting(RateLimits.Login)]
    public async Task<IActionResult> Accept(string token, [Bind(Prefix = "Input")] AcceptInput input, [FromServices] IValidator<AcceptInput> validator, CancellationToken ct)
    {
        var (invitation, organisation, unavailable) = await FindAsync(token, ct);
        if (unavailable is not null)
        {
            return unavailable;
        }

        ModelState.AddFailures(await validator.ValidateAsync(input, ct), "Input");
        var user = new PortalUser
        {
            UserName = invitation!.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the link came to this address
            DisplayName = input.DisplayName?.Trim() ?? string.Empty,
            OrganisationId = invitation.OrganisationId,
            Role = invitation.Role,
            PreferredCulture = invitation.Culture,
        };
        if (ModelState.IsValid)
        {
            // Identity's own password validators: whatever password policy the portal configures applies here too.
            foreach (var validatorOfPasswords in users.PasswordValidators)
            {
                var result = await validatorOfPasswords.ValidateAsync(users, user, input.Password);
                foreach (var error in result.Errors)
                {
                    ModelState.AddModelError("Input.Password", SharedResource.Text(PasswordMessage(error)));
                }
            }
        }

        if (!ModelState.IsValid)
        {
            input.Password = input.ConfirmPassword = null;
            return View("Accept", new AcceptPage(token, organisation!.Name, invitation.Role, invitation.Email, input));
        }

        if (await db.Users.AnyAsync(u => u.NormalizedEmail == invitation.Email.ToUpperInvariant(), ct))
        {
            return Unavailable(StatusCodes.Status410Gone, "This invitation was already used", "An account with this address already exists. Log in with it instead.");
        }

        var created = await users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            return Unavailable(StatusCodes.Status409Conflict, "This invitation could not be accepted", "Open the link again; if it still fails, ask your admin to resend the invitation.");
        }

        await users.AddToRoleAsync(user, user.Role.ToString());
        var now = clock.GetUtcNow().UtcDateTime;
        invitation.Accept(user.Id, now);
        audit.Record(invitation.OrganisationId, new Actor(user.Id, user.DisplayName, invitation.OrganisationId, organisation!.Kind, user.Role), AuditAction.MemberJoined, user.Email!, user.Role.ToString());
        await audit.SaveAsync(ct);
        await signIn.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = SharedResource.Text("Welcome to {0}, {1}.", organisation.Name, user.DisplayName);
        return Redirect(Url.Home());
    }

    // Identity's messages are English sentences chosen by code; the portal says the ones its policy can produce in its own words.
    private static string PasswordMessage(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "Use a password of at least 8 characters.",
        _ => error.Description,
    };

    private async Task<(Invitation? Invitation, Organisation? Organisation, IActionResult? Unavailable)> FindAsync(string token, CancellationToken ct)
    {
        var invitation = InvitationTokens.LooksValid(token)
            ? await db.Invitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.TokenHash == InvitationTokens.Hash(token), ct)
            : null;
        if (invitation is null)
        {
            return (null, null, Unavailable(StatusCodes.Status404NotFound, "This invitation link is not valid", "Check that you opened the whole link from the e-mail, or ask your admin to send a new invitation."));
        }

        var organisation = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == invitation.OrganisationId, ct);
        var unavailable = invitation.StateAt(clock.GetUtcNow().UtcDateTime) switch
        {
            InvitationState.Expired => Unavailable(StatusCodes.Status410Gone, "This invitation has expired", "Ask your admin to resend the invitation; the new e-mail has a new link."),
            InvitationState.Revoked => Unavailable(StatusCodes.Status410Gone, "This invitation was revoked", "The admin who sent it withdrew it. Ask them if you should still join."),
            InvitationState.Accepted => Unavailable(StatusCodes.Status410Gone, "This invitation was already used", "An account with this address already exists. Log in with it instead."),
            _ when organisation.IsSuspended => Unavailable(StatusCodes.Status410Gone, "This invitation cannot be used now", "The organisation's access to the portal is suspended."),
            _ => null,
        };
        return (invitation, organisation, unavailable);
    }

    private ViewResult Unavailable(int status, string title, string message)
    {
        var view = View("Unavailable", new UnavailablePage(SharedResource.Text(title), SharedResource.Text(message)));
        view.StatusCode = status;
        return view;
    }
}
