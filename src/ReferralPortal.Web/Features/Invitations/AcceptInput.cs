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
/// Only what the form itself needs; the password's strength and length are Identity's password validators' to judge
/// (the accept action runs them: <see cref="PortalPasswordValidator"/>, which counts characters as people do), so the
/// one password policy applies here without a second limit that disagrees with it.
/// </remarks>
public sealed class AcceptInputValidator : AbstractValidator<AcceptInput>
{
    public AcceptInputValidator()
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).When(x => !string.IsNullOrEmpty(x.Password))
            .WithMessage("The two passwords are not the same.");
    }
}
