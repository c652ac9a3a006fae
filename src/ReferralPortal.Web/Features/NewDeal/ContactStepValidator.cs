using System.Text.RegularExpressions;
using FluentValidation;

namespace ReferralPortal.Web.Features.NewDeal;

/// <summary>Step 2: every field is optional; email and phone must be well formed when given.</summary>
public sealed partial class ContactStepValidator : AbstractValidator<ContactStepInput>
{
    public ContactStepValidator()
    {
        RuleFor(x => x.FirstName).MaximumLength(100).WithMessage("First name can be at most 100 characters.");
        RuleFor(x => x.LastName).MaximumLength(100).WithMessage("Last name can be at most 100 characters.");
        RuleFor(x => x.JobTitle).MaximumLength(100).WithMessage("Job title can be at most 100 characters.");
        RuleFor(x => x.Email)
            .Must(e => e!.Trim().Length <= 254 && EmailPattern().IsMatch(e.Trim()))
            .When(x => !string.IsNullOrWhiteSpace(x.Email))
            .WithMessage("Enter a valid email address, like name@company.com.");
        RuleFor(x => x.Phone)
            .Must(p => PhonePattern().IsMatch(p!.Trim()) && p.Count(char.IsAsciiDigit) is >= 6 and <= 20)
            .When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage("Enter a valid phone number: digits, spaces, brackets or dashes, optionally starting with +.");
    }

    // One @, no spaces, a dot in the domain: strict enough to catch typos without rejecting real addresses.
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9(][0-9 ()./-]{4,38}$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex PhonePattern();
}
