using FluentValidation;
using ReferralPortal.Web.Features.Account;

namespace ReferralPortal.Web.Features.Invitations;

/// <summary>What the invited person gives to accept: their name and a password (twice).</summary>
public sealed class AcceptInput
{
    public string? DisplayName { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <remarks>
/// Only what the form itself needs; the password's strength is Identity's password validators' to judge (the
/// accept action runs them), so a later password policy applies here without touching this form.
/// </remarks>
public sealed class AcceptInputValidator : AbstractValidator<AcceptInput>
{
    public AcceptInputValidator()
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("Choose a password.")
            .MaximumLength(200).WithMessage("The password can be at most 200 characters.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).When(x => !string.IsNullOrEmpty(x.Password))
            .WithMessage("The two passwords are not the same.");
    }
}
