using FluentValidation;
using ReferralPortal.Domain.Organisations;

namespace ReferralPortal.Web.Features.Team;

/// <summary>Invite member: an e-mail address and a role of the admin's organisation.</summary>
public sealed class InviteInput
{
    public string? Email { get; set; }

    public PortalRole? Role { get; set; }
}

/// <summary>One e-mail address, checked the same way wherever someone is invited (Team and Partners).</summary>
public static class EmailRule
{
    public const int MaxLength = ReferralPortal.Domain.Common.EmailAddress.MaxLength;

    public static IRuleBuilderOptions<T, string?> InvitableEmail<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("Enter an email address.")
            .Must(e => e is null || e.Trim().Length <= MaxLength).WithMessage("Enter an email address of at most 254 characters.")
            .Must(e => string.IsNullOrWhiteSpace(e) || IsAddress(e.Trim())).WithMessage("Enter a valid email address, like name@example.com.");

    // The domain's one e-mail rule (a deal contact's address follows the same).
    private static bool IsAddress(string e) => ReferralPortal.Domain.Common.EmailAddress.IsWellFormed(e);
}

public sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator()
    {
        RuleFor(x => x.Email).InvitableEmail();
        RuleFor(x => x.Role).NotNull().WithMessage("Choose a role.").IsInEnum().WithMessage("Choose a role from the list.");
    }
}
