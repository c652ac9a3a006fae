using FluentValidation;
using ReferralPortal.Web.Infrastructure;

namespace ReferralPortal.Web.Features.Account;

/// <summary>A person's own display name, checked the same way wherever one is given (Account page, invitation).</summary>
public static class PersonNameRule
{
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => (n?.Trim().Length ?? 0) is >= 2 and <= 200).WithMessage("Enter your name, 2 to 200 characters.");
}

public sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator()
    {
        RuleFor(x => x.DisplayName).PersonName();
        RuleFor(x => x.Language).Must(l => LocalizationSetup.Canonical(l) is not null).WithMessage("Choose a language.");
    }
}

public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");

        // Only that one is given: its strength and length are Identity's password validators' to judge (PortalPasswordValidator).
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Choose a password.");
    }
}

/// <summary>The code that confirms the authenticator app; whether it is the current one is Identity's to check.</summary>
public sealed class CodeInputValidator : AbstractValidator<CodeInput>
{
    public CodeInputValidator() =>
        RuleFor(x => x.Code).Must(c => !string.IsNullOrWhiteSpace(c) && c.Length <= 16)
            .WithMessage("The authentication code is not correct. Enter the current code from your app.");
}

/// <summary>The password that confirms removing the authenticator app; whether it is right is Identity's to check.</summary>
public sealed class PasswordConfirmInputValidator : AbstractValidator<PasswordConfirmInput>
{
    public PasswordConfirmInputValidator() =>
        RuleFor(x => x.Password).NotEmpty().WithMessage("The password is not correct.");
}
